package app.banhao.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.banhao.platform.publishing.PublishedContent;

/** A department that publishes service items (e.g. 卫生健康委员会). */
@Entity
@Table(name = "catalog_department")
public class Department extends PublishedContent {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    public String description;
}
