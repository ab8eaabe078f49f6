package app.banhao.home;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.banhao.platform.publishing.PublishedContent;

/** A policy news article (政策资讯) on the home feed. */
@Entity
@Table(name = "home_news")
public class NewsArticle extends PublishedContent {

    @Id
    public String id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String source;

    public String url;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;
}
