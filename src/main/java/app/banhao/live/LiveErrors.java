package app.banhao.live;

import app.banhao.platform.error.ProblemCode;

/** The error codes of live streams and their HTTP statuses; texts in {@code i18n/live/messages_*.properties}. */
public enum LiveErrors implements ProblemCode {
    /** A state change the stream's state does not allow (e.g. ending a SCHEDULED stream): names from and to. */
    LIVE_TRANSITION_NOT_ALLOWED(409),
    /** A heartbeat for a stream that is not live. */
    LIVE_STREAM_NOT_LIVE(409),
    /** Subscribing to or asking on an ended stream. */
    LIVE_STREAM_ENDED(409),
    /** Answering a hidden question: publish it first. */
    LIVE_QUESTION_HIDDEN(409);

    private final int status;

    LiveErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
