package org.vtpm.manager.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.vtpm.manager.InvalidRequestException;

class JobMessageTest {

    private static final String ID = "0b6c2c1e-4a7f-4c55-9d0e-2f1a3b4c5d6e";

    @Test
    void aMessageReadsBackAsItWasWritten() throws Exception {
        JobMessage message = new JobMessage(Optional.of(ID), "acme", List.of(ID), Optional.of("host-b"),
                Map.of("team", "payments"), true);
        assertEquals(message, JobMessage.parse(message.toJson()));
    }

    @Test
    void theTenantAloneSelectsAllItsVtpms() throws Exception {
        JobMessage message = JobMessage.parse("{\"tenant\":\"acme\"}");
        assertEquals("acme", message.tenant());
        assertTrue(message.vtpmIds().isEmpty() && message.labels().isEmpty() && message.host().isEmpty());
    }

    @Test
    void poisonMessagesAreRefusedWithTheirReason() {
        for (String poison : List.of("not json", "[1,2]", "{}", "{\"tenant\":\"acme\",\"vtpms\":[\"x\"]}",
                "{\"tenant\":\"acme\",\"vtpms\":[]}", "{\"tenant\":\"acme\",\"deep\":\"yes\"}",
                "{\"tenant\":\"acme\",\"selection\":{}}", "{\"tenant\":\"acme\",\"labels\":{\"a\":1}}",
                "{\"tenant\":\" spaces \"}")) {
            assertThrows(InvalidRequestException.class, () -> JobMessage.parse(poison), poison);
        }
        assertThrows(InvalidRequestException.class, () -> JobMessage.parse(null));
    }

    @Test
    void throughTheApiTheTenantIsTheCallersAndTheJobIdTheServers() throws Exception {
        assertEquals("acme", JobMessage.of(json("{\"labels\":{\"a\":\"b\"}}"), Optional.of("acme")).tenant());
        assertEquals("acme", JobMessage.of(json("{\"tenant\":\"acme\"}"), Optional.of("acme")).tenant());
        assertThrows(InvalidRequestException.class, () -> JobMessage.of(json("{\"tenant\":\"other\"}"),
                Optional.of("acme")));
        assertThrows(InvalidRequestException.class, () -> JobMessage.of(json("{\"job\":\"" + ID + "\"}"),
                Optional.of("acme")));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
