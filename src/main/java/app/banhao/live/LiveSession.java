package app.banhao.live;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A government live stream (政务直播; DESIGN.md's LiveSession): the department's schedule and the CDN's addresses. */
@Entity
@Table(name = "live_stream")
public class LiveSession {

    public enum State {
        SCHEDULED, LIVE, ENDED
    }

    @Id
    public UUID id;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public String title;

    public String description;

    /** The promoted items' codes, comma-separated (codes never contain a comma: the catalogue's Code pattern). */
    @Column(name = "topic_item_codes", nullable = false)
    public String topicItemCodes;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    @Column(name = "play_url", nullable = false)
    public String playUrl;

    @Column(name = "replay_url")
    public String replayUrl;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    /** The unique-viewer figure copied from Redis when the stream ended. */
    @Column(name = "unique_viewers")
    public Long uniqueViewers;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    List<String> topicCodes() {
        return topicItemCodes.isEmpty() ? List.of() : Arrays.asList(topicItemCodes.split(","));
    }
}
