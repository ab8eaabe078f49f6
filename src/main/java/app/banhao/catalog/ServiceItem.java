package app.banhao.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.banhao.platform.publishing.PublishedContent;

/** A service item (事项) with its guide; DESIGN.md §5 lists the attributes. JSON columns hold JSON text. */
@Entity
@Table(name = "catalog_item")
public class ServiceItem extends PublishedContent {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_code")
    public Department department;

    /** An {@code ItemKind} wire value. */
    @Column(nullable = false)
    public String kind;

    /** An {@code OnlineDepth} wire value. */
    @Column(name = "online_depth", nullable = false)
    public String onlineDepth;

    @Column(name = "promised_days", nullable = false)
    public int promisedDays;

    @Column(name = "legal_days", nullable = false)
    public int legalDays;

    @Column(nullable = false)
    public boolean instant;

    @Column(name = "cross_province", nullable = false)
    public boolean crossProvince;

    @Column(nullable = false)
    public BigDecimal fee;

    @Column(name = "fee_note")
    public String feeNote;

    /** JSON array of strings (text: the reactive driver maps only JSON objects onto strings). */
    @Column(nullable = false)
    public String conditions;

    @Column(nullable = false)
    public String guide;

    /** JSON Schema (draft 2020-12) of the application form. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "form_schema", nullable = false, columnDefinition = "jsonb")
    public String formSchema;

    @ElementCollection
    @CollectionTable(name = "catalog_material", joinColumns = @JoinColumn(name = "item_code"))
    @OrderColumn(name = "position")
    public List<Material> materials = new ArrayList<>();

    @Column(name = "commitment_allowed", nullable = false)
    public boolean commitmentAllowed;

    /** 秒批 rules as JSON text ({@code InstantRules}); null when the item never approves automatically. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "instant_rules", columnDefinition = "jsonb")
    public String instantRules;

    @Column(name = "result_certificate_type")
    public String resultCertificateType;

    /** JSON array of {@code DeliveryOption} wire values, as text like {@link #conditions}. */
    @Column(name = "delivery_options", nullable = false)
    public String deliveryOptions;

    @Column(nullable = false)
    public boolean featured;

    /** Aliases residents type (社保, 身份证, 开公司), as {@link SearchKeys} stores them: {@code " a b "}. */
    @Column(nullable = false)
    public String keywords = "";

    /** Pinyin of the name, full and initials ({@link PinyinKeys#tokens}). Derived: set by {@link SearchKeys}. */
    @Column(name = "name_pinyin", nullable = false)
    public String namePinyin = "";

    /** Pinyin of the aliases, full and initials. Derived: set by {@link SearchKeys}. */
    @Column(name = "keyword_pinyin", nullable = false)
    public String keywordPinyin = "";

    /** The {@link PinyinKeys#REVISION} the derived columns were computed with. */
    @Column(name = "search_rev", nullable = false)
    public int searchRev;
}
