package app.banhao.home;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.banhao.platform.publishing.PublishedContent;

/** A banner at the top of the home feed. */
@Entity
@Table(name = "home_banner")
public class Banner extends PublishedContent {

    @Id
    public String id;

    @Column(nullable = false)
    public String title;

    @Column(name = "image_url", nullable = false)
    public String imageUrl;

    @Column(name = "target_url")
    public String targetUrl;

    @Column(nullable = false)
    public int position;
}
