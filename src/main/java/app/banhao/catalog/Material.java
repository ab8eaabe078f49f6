package app.banhao.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One material (申请材料) of a service item, stored in {@code catalog_material} in the item's order. */
@Embeddable
public class Material {

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public boolean required;

    /** Wallet certificate type that replaces the material (免提交); null when none does. */
    @Column(name = "replaceable_by")
    public String replaceableBy;

    /** May be missing at submission and supplied later (容缺受理). */
    @Column(name = "tolerated_if_missing", nullable = false)
    public boolean toleratedIfMissing;
}
