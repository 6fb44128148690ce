package org.tamebnn.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Gogo command session opened on the framework's {@code CommandProcessor}, for running one
 * command line from the shell. Gogo's classes live in a bundle, not on the launcher's class path,
 * so the few calls needed are made reflectively rather than by exporting Gogo from the launcher.
 */
final class GogoSession implements AutoCloseable {
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final int INSPECT = 0; // Converter.INSPECT: the full rendering of a result

    private final Object session;
    private final Method execute;
    private final Method format;
    private final Method close;

    private GogoSession(Object session) throws NoSuchMethodException {
        this.session = session;
        Class<?> type = sessionInterface(session.getClass());
        this.execute = type.getMethod("execute", CharSequence.class);
        this.format = type.getMethod("format", Object.class, int.class);
        this.close = type.getMethod("close");
    }

    static GogoSession open(BundleContext ctx, InputStream in, PrintStream out, PrintStream err, long waitMillis)
            throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(ctx, ctx.createFilter(
                "(objectClass=" + PROCESSOR + ")"), null);
        tracker.open(true);
        try {
            Object processor = tracker.waitForService(waitMillis);
            if (processor == null) {
                throw new IllegalStateException("the Gogo command processor did not start");
            }
            Method create = processor.getClass().getMethod("createSession", InputStream.class,
                    java.io.OutputStream.class, java.io.OutputStream.class);
            return new GogoSession(create.invoke(processor, in, out, err));
        } finally {
            tracker.close();
        }
    }

    /** Waits until a service providing {@code scope:function} is registered, or the time is up. */
    static boolean awaitCommand(BundleContext ctx, String scope, String function, long waitMillis)
            throws InvalidSyntaxException, InterruptedException {
        String filter = "(&(osgi.command.scope=" + scope + ")(osgi.command.function=" + function + "))";
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(ctx, ctx.createFilter(filter), null);
        tracker.open(true);
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (tracker.getServiceReference() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return tracker.getServiceReference() != null;
        } finally {
            tracker.close();
        }
    }

    /** Runs a command line; returns its result rendered as text, or null when there is none. */
    String execute(String line) throws Exception {
        Object result;
        try {
            result = execute.invoke(session, line);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        }
        return result == null ? null : format.invoke(session, result, INSPECT).toString();
    }

    @Override
    public void close() {
        try {
            close.invoke(session);
        } catch (ReflectiveOperationException e) {
            // Closing a session only releases its streams; nothing to report.
        }
    }

    private static Exception unwrap(InvocationTargetException e) {
        Throwable t = e.getCause();
        while (t instanceof InvocationTargetException ite && ite.getCause() != null) {
            t = ite.getCause();
        }
        return t instanceof Exception ex ? ex : new RuntimeException(t);
    }

    private static Class<?> sessionInterface(Class<?> impl) {
        for (Class<?> c = impl; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("org.apache.felix.service.command.CommandSession")) {
                    return i;
                }
            }
        }
        return impl;
    }
}
