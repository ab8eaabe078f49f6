package app.banhao.video.console;

import app.banhao.platform.error.ProblemCode;

/** The error codes of the agent console; texts in {@code i18n/video/messages_*.properties}. */
public enum ConsoleErrors implements ProblemCode {
    /** Nobody of my department is waiting (checked in) today. */
    VIDEO_QUEUE_EMPTY(409),
    /** The appointment is another agent's session (called or started by them). */
    VIDEO_SESSION_NOT_YOURS(403),
    /** The resident's data is shown only while the session is IN_SESSION; notes only once the resident was called. */
    VIDEO_SESSION_NOT_OPEN(409);

    private final int status;

    ConsoleErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
