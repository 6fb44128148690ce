package org.tamebnn.experiments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JdbcTest {

    @Test
    void h2FileDatabasesWriteEachCommitAtOnce() {
        assertEquals("jdbc:h2:file:/r/results;WRITE_DELAY=0", Jdbc.durable("jdbc:h2:file:/r/results"));
        assertEquals("jdbc:h2:/r/results;AUTO_SERVER=TRUE;WRITE_DELAY=0", Jdbc.durable("jdbc:h2:/r/results;AUTO_SERVER=TRUE"));
        // what the URL says is kept; memory databases and other databases are left alone
        assertEquals("jdbc:h2:file:/r/x;write_delay=500", Jdbc.durable("jdbc:h2:file:/r/x;write_delay=500"));
        assertEquals("jdbc:h2:mem:t", Jdbc.durable("jdbc:h2:mem:t"));
        assertEquals("jdbc:postgresql://h/db", Jdbc.durable("jdbc:postgresql://h/db"));
    }

    @Test
    void passwordsStayOutOfMessages() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
                Jdbc.redact("jdbc:postgresql://h/db?user=u&password=secret&ssl=true"));
        assertEquals("jdbc:h2:file:/x;USER=sa;PASSWORD=***", Jdbc.redact("jdbc:h2:file:/x;USER=sa;PASSWORD=pw"));
    }

    @Test
    void flatMapsRoundTripThroughJson() {
        var map = new java.util.LinkedHashMap<String, String>();
        map.put("org.tamebnn.bnn", "0.1.0");
        map.put("quote\"d", "a,b=c}");
        assertEquals(map, FlatJson.read(FlatJson.write(map)));
        assertEquals("{}", FlatJson.write(java.util.Map.of()));
    }
}
