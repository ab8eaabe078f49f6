package app.banhao.live;

import java.util.UUID;

import app.banhao.api.model.LiveQuestion;
import app.banhao.api.model.LiveQuestionState;

/** Questions as the API shows them: the hide reason only to the author and the department. */
final class LiveMapper {

    private LiveMapper() {
    }

    static LiveQuestion forResident(Question q, UUID viewer, boolean voted) {
        boolean mine = q.residentId.equals(viewer);
        return base(q).mine(mine).votedByMe(voted).hideReason(mine ? q.hideReason : null);
    }

    static LiveQuestion forStaff(Question q) {
        return base(q).mine(false).votedByMe(false).hideReason(q.hideReason);
    }

    private static LiveQuestion base(Question q) {
        return new LiveQuestion().id(q.id).streamId(q.streamId).text(q.text).state(LiveQuestionState.fromValue(q.state.name()))
                .votes(q.votes).answer(q.answer).answeredAt(q.answeredAt).askedAt(q.askedAt);
    }
}
