package app.banhao.wallet;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.DataUsage;
import app.banhao.api.model.DataUsagePage;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.paging.Page;
import app.banhao.platform.paging.PageRequest;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The usage ledger (用证记录): a line for every use of a certificate's data by someone other than its holder, written in
 * the transaction of the use, and the holder's reading of it, newest first. Who used it is always named.
 */
@ApplicationScoped
public class UsageLedger {

    static final String DEPARTMENT = "DEPARTMENT";
    static final String RELYING_PARTY = "RELYING_PARTY";
    /** Whoever verified a presentation through the public operation, known by masked IP address and user agent. */
    public static final String PUBLIC_VERIFIER = "PUBLIC_VERIFIER";

    private final CertificateUseRepository uses;
    private final DataProtection crypto;
    private final ObjectMapper json;
    private final BusinessClock clock;

    public UsageLedger(CertificateUseRepository uses, DataProtection crypto, ObjectMapper json, BusinessClock clock) {
        this.uses = uses;
        this.crypto = crypto;
        this.json = json;
        this.clock = clock;
    }

    /** Records that department {@code department} could read {@code c}'s record, for {@code purpose}. */
    Uni<Void> departmentRead(Certificate c, String department, String purpose, CertificateUse.Channel channel, String reference) {
        CertificateUse use = line(c, DEPARTMENT, department, purpose, labels(c), channel);
        use.reference = reference;
        return uses.persist(use).replaceWithVoid();
    }

    /**
     * Records that an agent ({@code agentName}) of {@code department} saw {@code fields} of {@code c} during the video
     * session {@code reference} (the appointment): a DEPARTMENT line naming the agent.
     */
    Uni<Void> agentRead(Certificate c, String department, String agentName, String purpose, List<String> fields, String reference) {
        CertificateUse use = line(c, DEPARTMENT, department, purpose, fields, CertificateUse.Channel.VIDEO_ASSIST);
        use.partyName = agentName;
        use.reference = reference;
        return uses.persist(use).replaceWithVoid();
    }

    /** Records that relying party {@code partyCode} ({@code partyName}) read {@code fields} of {@code c} through a grant. */
    public Uni<Void> partyRead(Certificate c, String partyCode, String partyName, String purpose, List<String> fields, UUID grantId) {
        CertificateUse use = line(c, RELYING_PARTY, partyCode, purpose, fields, CertificateUse.Channel.GRANT);
        use.partyName = partyName;
        use.grantId = grantId;
        return uses.persist(use).replaceWithVoid();
    }

    private CertificateUse line(Certificate c, String partyKind, String partyCode, String purpose, List<String> fields,
            CertificateUse.Channel channel) {
        CertificateUse use = new CertificateUse();
        use.id = UUID.randomUUID();
        use.holderId = c.holderId;
        use.certificateId = c.id;
        use.certificateName = c.name;
        use.partyKind = partyKind;
        use.partyCode = partyCode;
        use.purpose = purpose;
        use.fields = write(fields);
        use.channel = channel;
        use.at = clock.now();
        return use;
    }

    @WithSession
    public Uni<DataUsagePage> list(UUID holderId, UUID certificateId, PageRequest page) {
        return uses.ledger(holderId, certificateId, page)
                .map(rows -> Page.from(rows, page, u -> new PageRequest.Cursor(u.at.toString(), u.id.toString())).map(this::toView))
                .map(p -> new DataUsagePage().items(p.items()).nextCursor(p.nextCursor()));
    }

    private DataUsage toView(CertificateUse u) {
        return new DataUsage().id(u.id).certificateId(u.certificateId).certificateName(u.certificateName)
                .partyKind(u.partyKind).partyCode(u.partyCode).partyName(u.partyName).grantId(u.grantId).purpose(u.purpose).fields(read(u.fields))
                .channel(DataUsage.ChannelEnum.fromValue(u.channel.name())).reference(u.reference)
                .at(u.at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** What a reader of the record sees: its number, holder and holder code, and the type's own fields. */
    private List<String> labels(Certificate c) {
        List<String> labels = new ArrayList<>(List.of("证照编号", "持证主体", "持证主体代码"));
        try {
            labels.addAll(json.readValue(crypto.decrypt(c.fieldsEnc), new TypeReference<Map<String, String>>() {
            }).keySet());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored certificate's fields are not JSON", e);
        }
        return labels;
    }

    public String write(List<String> labels) {
        try {
            return json.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ledger line's field labels, as stored. */
    public List<String> read(String labels) {
        try {
            return json.readValue(labels, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A ledger line's fields are not JSON", e);
        }
    }
}
