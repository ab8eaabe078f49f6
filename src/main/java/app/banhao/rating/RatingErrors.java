package app.banhao.rating;

import app.banhao.platform.error.ProblemCode;

/** The error codes of 好差评 and their HTTP statuses; texts in {@code i18n/rating/messages_*.properties}. */
public enum RatingErrors implements ProblemCode {
    /** The thing is rated already: one rating per thing (amend it instead, once, within 24 h). */
    RATING_EXISTS(409),
    /** The window to rate it closed at the instant named. */
    RATING_WINDOW_CLOSED(409),
    /** Amended once already, or past the amendment window. */
    RATING_AMEND_NOT_ALLOWED(409),
    /** The rectification's state does not allow the step (a fix twice, a verdict before a fix …). */
    RECTIFICATION_STATE_CONFLICT(409),
    /** The department's days to appeal this 差评 ended on the day named. */
    RATING_APPEAL_WINDOW_CLOSED(409),
    /** No appeal is possible or pending here (a good rating, a second appeal, a decided one). */
    RATING_APPEAL_NOT_ALLOWED(409);

    private final int status;

    RatingErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
