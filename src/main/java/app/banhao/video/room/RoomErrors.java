package app.banhao.video.room;

import app.banhao.platform.error.ProblemCode;

/** The error codes of video rooms; texts in {@code i18n/video/messages_*.properties}. */
public enum RoomErrors implements ProblemCode {
    /** Outside the joining window of the slot, or the appointment is not WAITING, CALLED or IN_SESSION. */
    VIDEO_ROOM_CLOSED(409);

    private final int status;

    RoomErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
