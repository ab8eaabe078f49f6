package app.banhao.catalog;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import app.banhao.platform.publishing.PublishedContent;

/** A bundle (一件事): several items behind one merged form. */
@Entity
@Table(name = "catalog_bundle")
public class Bundle extends PublishedContent {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(name = "promised_days", nullable = false)
    public int promisedDays;

    @ManyToMany
    @JoinTable(name = "catalog_bundle_item", joinColumns = @JoinColumn(name = "bundle_code"),
            inverseJoinColumns = @JoinColumn(name = "item_code"))
    @OrderColumn(name = "position")
    public List<ServiceItem> items = new ArrayList<>();
}
