package app.banhao.rating;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

/** What an invitation and its rating both say of the thing rated: which thing, whose, whose department, how it ended. */
@MappedSuperclass
public abstract class RatedThing {

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    public SubjectKind subjectKind;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "item_name")
    public String itemName;

    /** ONLINE or IN_PERSON. */
    @Column(nullable = false)
    public String channel;

    /** How the thing ended (APPROVED, WITHDRAWN …), what the national report calls the handling state. */
    @Column(name = "subject_state")
    public String subjectState;

    /** Copies the thing's description from {@code other}. */
    void describe(RatedThing other) {
        subjectKind = other.subjectKind;
        subjectId = other.subjectId;
        residentId = other.residentId;
        departmentCode = other.departmentCode;
        itemCode = other.itemCode;
        itemName = other.itemName;
        channel = other.channel;
        subjectState = other.subjectState;
    }
}
