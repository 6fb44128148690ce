package org.tamebnn.console;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.apache.felix.service.command.CommandSession;

/** A Gogo session that only keeps variables, for commands that hand results from one to the next. */
final class FakeSession {
    private FakeSession() {
    }

    static CommandSession withVariables() {
        Map<String, Object> variables = new HashMap<>();
        return (CommandSession) Proxy.newProxyInstance(FakeSession.class.getClassLoader(),
                new Class<?>[] { CommandSession.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> variables.get(args[0]);
                    case "put" -> variables.put((String) args[0], args[1]);
                    default -> null;
                });
    }
}
