package app.banhao.platform.startup;

import io.smallrye.mutiny.Uni;

/**
 * Work a node does once as it starts, before it serves a request: reading what it keeps in memory, making what must
 * exist. {@link StartupTasks} runs the tasks of a stage together, each in a Vert.x context, and so a reactive Hibernate
 * session, of its own; a task that fails fails the start, as a start-up observer would.
 */
public interface StartupTask {

    /** Tasks of a stage start when every task of the stages below it has finished. */
    default int stage() {
        return 0;
    }

    Uni<Void> atStart();
}
