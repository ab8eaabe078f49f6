package app.banhao.platform.events;

/** Events only the test consumers take, so they never reach a feature's consumer. */
final class TestEvents {

    private TestEvents() {
    }

    /** A test event about one {@code thing}, its aggregate. */
    interface TestEvent extends DomainEvent {
        String thing();

        @Override
        default String aggregateType() {
            return "test";
        }

        @Override
        default String aggregateId() {
            return thing();
        }
    }

    record TestHappened(String thing, int n) implements TestEvent {
    }

    /** Taken by {@link FailingConsumer} as well, which never manages it. */
    record TestFlaky(String thing, int n) implements TestEvent {
    }

    /** Taken by {@link InTransactionConsumer} in the writer's transaction, and queued for {@link RecordingConsumer}. */
    record TestWritten(String thing, int n) implements TestEvent {
    }

    /** Taken by {@link AfterCommitConsumer} right after its writer's commit. */
    record TestAnnounced(String thing, int n) implements TestEvent {
    }

    /** Like {@link TestAnnounced}, but {@link AfterCommitConsumer} fails on it. */
    record TestAnnouncedFailing(String thing, int n) implements TestEvent {
    }

    /** Like {@link TestWritten}, but {@link InTransactionConsumer} asks to act after the commit on it. */
    record TestWrittenActingAfterCommit(String thing, int n) implements TestEvent {
    }
}
