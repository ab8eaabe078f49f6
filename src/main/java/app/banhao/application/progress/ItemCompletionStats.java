package app.banhao.application.progress;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * How long one item took in one department lately: the decided cases of the last 180 days and their 80th percentile
 * in working days, with the item's promised and legal days as of the refresh. Derived, rebuilt by {@link CompletionStats}.
 */
@Entity
@Table(name = "item_completion_stats")
@IdClass(ItemCompletionStats.Key.class)
public class ItemCompletionStats {

    @Id
    @Column(name = "item_code")
    public String itemCode;

    @Id
    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "case_count", nullable = false)
    public int caseCount;

    @Column(name = "p80_working_days", nullable = false)
    public int p80WorkingDays;

    @Column(name = "promised_days", nullable = false)
    public int promisedDays;

    @Column(name = "legal_days", nullable = false)
    public int legalDays;

    @Column(name = "refreshed_at", nullable = false)
    public OffsetDateTime refreshedAt;

    /** The primary key: item and department. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public String itemCode;
        public String departmentCode;

        public Key() {
        }

        public Key(String itemCode, String departmentCode) {
            this.itemCode = itemCode;
            this.departmentCode = departmentCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(itemCode, k.itemCode) && Objects.equals(departmentCode, k.departmentCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemCode, departmentCode);
        }
    }
}
