package app.banhao.platform.error;

import app.banhao.platform.i18n.Messages;

/**
 * A stable error code of the API, as an enum constant: its name is the problem's {@code code}, its status the HTTP
 * status. The platform's shared codes are {@link ErrorCode}; each feature declares its own in an enum of its own
 * with its texts in its own bundle, so adding a feature edits no central file.
 */
public interface ProblemCode {

    String name();

    int status();

    /**
     * Where the texts are: {@code <bundle>/messages_<lang>.properties} under {@code error.<CODE>.title} and
     * {@code error.<CODE>.detail}. A feature's codes are worded in its own bundle, {@code i18n/<feature>} (the
     * top-level package under {@code app.banhao}); the platform's in the shared one, {@code i18n}.
     */
    default String bundle() {
        return Messages.bundleOf(getClass());
    }

    /** The problem {@code type} URI, stable like the code itself. */
    default String typeUri() {
        return "https://banhao.app/problems/" + name().toLowerCase().replace('_', '-');
    }
}
