package io.outdial.app.dev;

import io.temporal.testing.TestWorkflowEnvironment;
import java.lang.reflect.Field;
import java.util.LinkedList;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Keeps the in-process Temporal test server (SDK 1.38) fast under load: replaces the lock-event log of
 * its {@code SelfAdvancingTimerImpl} with a bounded one.
 *
 * <p>That log is a {@code LinkedList} kept "for debugging purposes only": every workflow update appends
 * events that are never removed, and every update ends with {@code remove(event)}, a scan from the
 * oldest event. The list grows with every call ever placed, so each update costs more than the last;
 * at 60 calls a second a third of the app's CPU went into that scan within a minute (JFR). The
 * replacement removes from the newest end, where the event of a finishing update is, and forgets the
 * oldest events beyond {@link #CAPACITY}. Only the server's diagnostics read the log; its lock count,
 * which decides time skipping, is kept elsewhere and untouched.
 *
 * <p>Dev mode only: production runs a real Temporal server. If a later SDK renames the fields, this
 * logs a warning and leaves the server as it is.
 */
final class TestServerLockLog implements BeanPostProcessor {

    /** Events kept for the test server's diagnostics. */
    static final int CAPACITY = 10_000;

    private static final Logger log = LoggerFactory.getLogger(TestServerLockLog.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof TestWorkflowEnvironment environment) {
            install(environment);
        }
        return bean;
    }

    /** Swaps the log of the environment's timer; returns whether it could. */
    static boolean install(TestWorkflowEnvironment environment) {
        try {
            Object service = read(environment, "service");
            Object timer = read(service, "selfAdvancingTimer");
            Field field = field(timer.getClass(), "lockEvents");
            Lock lock = (Lock) read(timer, "lock");
            lock.lock();
            try {
                @SuppressWarnings("unchecked")
                LinkedList<Object> current = (LinkedList<Object>) field.get(timer);
                if (!(current instanceof Bounded)) {
                    field.set(timer, new Bounded(current));
                }
            } finally {
                lock.unlock();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Could not bound the Temporal test server's lock-event log ({}); it slows down as it grows",
                    e.toString());
            return false;
        }
    }

    /** Size of the environment's lock-event log, or -1 when it cannot be read. For tests. */
    static int size(TestWorkflowEnvironment environment) {
        try {
            Object timer = read(read(environment, "service"), "selfAdvancingTimer");
            return ((LinkedList<?>) read(timer, "lockEvents")).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static Object read(Object target, String name) throws ReflectiveOperationException {
        Object value = field(target.getClass(), name).get(target);
        if (value == null) {
            throw new NoSuchFieldException(target.getClass().getName() + "." + name + " is null");
        }
        return value;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    /**
     * A lock-event log that removes from the newest end and keeps at most {@link #CAPACITY} events.
     * Removing an event that was already forgotten succeeds: the log is diagnostics, not the lock count.
     */
    static final class Bounded extends LinkedList<Object> {

        Bounded(LinkedList<Object> events) {
            super(events);
            trim();
        }

        @Override
        public boolean add(Object event) {
            super.add(event);
            trim();
            return true;
        }

        @Override
        public boolean remove(Object event) {
            removeLastOccurrence(event);
            return true;
        }

        private void trim() {
            while (size() > CAPACITY) {
                removeFirst();
            }
        }
    }
}
