package app.banhao.application.core;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.common.AffectedEntities;

import app.banhao.platform.transaction.SqlStatement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

@ApplicationScoped
public class ApplicationMaterialRepository implements PanacheRepositoryBase<ApplicationMaterial, UUID> {

    private static final AffectedEntities TABLE = new AffectedEntities(ApplicationMaterial.class);
    /** Every column the entity maps, in the order {@link #insert} binds and {@link #of(RowSet)} reads them. */
    private static final String COLUMNS = "id, application_id, name, kind, file_name, content_type, size_bytes, sha256,"
            + " certificate_id, certificate_identifier, supplied_at, supply_by, overdue_flagged_at";
    private static final int COLUMN_COUNT = 13;
    /** {@link #of(UUID)}'s rows, for the application of that number and resident. */
    private static final String OF_OWNED = "SELECT " + COLUMNS + " FROM application_material WHERE application_id ="
            + " (SELECT id FROM application WHERE application_no = ?1 AND resident_id = ?2) ORDER BY supplied_at, name";

    public Uni<List<ApplicationMaterial>> of(UUID applicationId) {
        return find("applicationId = ?1 order by suppliedAt, name", applicationId).list();
    }

    /**
     * {@link #of(UUID)} as a statement, for a writer that sends its statements itself: the materials of the resident's
     * application of that number (none when it is not theirs), in the same order; its rows go to {@link #of(RowSet)}.
     */
    public SqlStatement ofOwned(String applicationNo, UUID residentId) {
        return SqlStatement.of(OF_OWNED, TABLE, applicationNo, residentId);
    }

    /** The materials in the rows of {@link #ofOwned}, as Hibernate would have loaded them (not managed by a session). */
    public static List<ApplicationMaterial> of(RowSet<Row> rows) {
        List<ApplicationMaterial> materials = new ArrayList<>(rows.size());
        for (Row r : rows) {
            ApplicationMaterial m = new ApplicationMaterial();
            m.id = r.getUUID(0);
            m.applicationId = r.getUUID(1);
            m.name = r.getString(2);
            m.kind = ApplicationMaterial.Kind.valueOf(r.getString(3));
            m.fileName = r.getString(4);
            m.contentType = r.getString(5);
            m.sizeBytes = r.getLong(6);
            Buffer sha = r.getBuffer(7);
            m.sha256 = sha == null ? null : sha.getBytes();
            m.certificateId = r.getString(8);
            m.certificateIdentifier = r.getString(9);
            m.suppliedAt = r.getOffsetDateTime(10);
            m.supplyBy = r.getLocalDate(11);
            m.overdueFlaggedAt = r.getOffsetDateTime(12);
            materials.add(m);
        }
        return materials;
    }

    /**
     * {@code materials} (at least one) as one multi-row insert, for a writer that sends its statements itself: every
     * column the entity maps, so they read back as the entities they were.
     */
    public SqlStatement insert(List<ApplicationMaterial> materials) {
        StringBuilder sql = new StringBuilder("INSERT INTO application_material (").append(COLUMNS).append(") VALUES ");
        List<Object> values = new ArrayList<>(materials.size() * COLUMN_COUNT);
        for (ApplicationMaterial m : materials) {
            sql.append(values.isEmpty() ? "(" : ", (");
            for (int c = 1; c <= COLUMN_COUNT; c++) {
                sql.append(c == 1 ? "" : ", ").append('?').append(values.size() + c);
            }
            sql.append(')');
            values.addAll(java.util.Arrays.asList(m.id, m.applicationId, m.name, m.kind, m.fileName, m.contentType, m.sizeBytes,
                    m.sha256, m.certificateId, m.certificateIdentifier, m.suppliedAt, m.supplyBy, m.overdueFlaggedAt));
        }
        return new SqlStatement(sql.toString(), TABLE, values);
    }

    /** Removes the material of that name (its file goes with it: ON DELETE CASCADE). */
    public Uni<Long> deleteNamed(UUID applicationId, String name) {
        return delete("applicationId = ?1 and name = ?2", applicationId, name);
    }
}
