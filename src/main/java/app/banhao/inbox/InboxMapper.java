package app.banhao.inbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.Message;
import app.banhao.application.core.ApplicationMapper;
import app.banhao.platform.i18n.Messages;

/** A stored message as the resident reads it, worded in their language at read time. */
@ApplicationScoped
public class InboxMapper {

    /** Titles by case state, bodies and the topics other features send: {@code i18n/inbox}. */
    private static final String TEXTS = Messages.bundleOf(InboxMapper.class);

    public Message toMessage(ResidentMessage m, Messages.Language language) {
        String title = Messages.textIn(language, TEXTS, m.topic != null ? "message.topic." + m.topic : "message.title." + m.state);
        // A notice not about a case may name who (itemName) and what (note), e.g. the party asking for a certificate.
        String body = m.applicationNo == null && m.topic != null ? (m.note == null
                ? Messages.textIn(language, TEXTS, "message.topic." + m.topic + ".body")
                : Messages.textIn(language, TEXTS, "message.topic." + m.topic + ".body", m.itemName, m.note))
                : m.note == null || m.note.isBlank()
                ? Messages.textIn(language, TEXTS, "message.body", m.itemName, m.applicationNo)
                : Messages.textIn(language, TEXTS, "message.body.note", m.itemName, m.applicationNo, m.note);
        return new Message().id(m.id).applicationNo(m.applicationNo)
                .state(m.state == null ? null : ApplicationMapper.state(m.state))
                .title(title).body(body).read(m.readAt != null).createdAt(utc(m.createdAt)).readAt(utc(m.readAt));
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
