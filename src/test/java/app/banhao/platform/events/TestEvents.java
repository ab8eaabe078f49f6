package app.banhao.platform.events;

/** Events only the test consumers take, so they never reach a feature's consumer. */
final class TestEvents {

    private TestEvents() {
    }

    record TestHappened(String thing, int n) implements DomainEvent {
        @Override
        public String aggregateType() {
            return "test";
        }

        @Override
        public String aggregateId() {
            return thing;
        }
    }

    /** Taken by {@link FailingConsumer} as well, which never manages it. */
    record TestFlaky(String thing, int n) implements DomainEvent {
        @Override
        public String aggregateType() {
            return "test";
        }

        @Override
        public String aggregateId() {
            return thing;
        }
    }
}
