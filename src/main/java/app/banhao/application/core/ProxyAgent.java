package app.banhao.application.core;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import app.banhao.platform.audit.AuditEvent;

/**
 * An agent acting for a resident within the resident's recorded consent (帮代办), as the consent's owner checked it:
 * the application names them as its filer, the timeline shows each of their steps as theirs on the resident's behalf,
 * and the audit log names the consent. {@code itemCheck} refuses an item outside the consent's scope (it throws).
 */
public record ProxyAgent(UUID staffId, String name, UUID consentId, UUID residentId, Consumer<String> itemCheck) {

    /** The timeline's actor: the agent, marked as acting for the resident. */
    public Workflow.Actor actor() {
        return new Workflow.Actor("STAFF", staffId.toString(), name + "（代办人，代居民办理）");
    }

    /** Throws unless the consent covers {@code itemCode} (null, a bundle's parent, is covered by none). */
    public void requireItem(String itemCode) {
        itemCheck.accept(itemCode);
    }

    /** The audit line of one of the agent's steps on {@code applicationNo}. */
    public AuditEvent audit(String step, String applicationNo) {
        return AuditEvent.of("proxy.application." + step).actor("staff", staffId.toString()).target("application", applicationNo)
                .details(Map.of("consentId", consentId.toString(), "residentId", residentId.toString()));
    }

    /** {@code agent}'s actor, or the resident's own when no agent acts. */
    public static Workflow.Actor or(ProxyAgent agent, Workflow.Actor resident) {
        return agent == null ? resident : agent.actor();
    }
}
