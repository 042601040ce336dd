package org.vtpm.it.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import javax.naming.InitialContext;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vtpm.it.Api;
import org.vtpm.it.Deployments;

/**
 * Attestation jobs over the attestation-jobs queue: running vTPMs selected by a label are all
 * attested with the right counts, while a poison message sent to the queue just before ends on the
 * dead-letter queue without holding the job up; and a policy's schedule runs such a job on a timer.
 */
@ExtendWith(ArquillianExtension.class)
class AttestationJobIT {

    /**
     * How many vTPMs the job attests, chosen in the test JVM ({@code -Dvtpm.it.attestation.vtpms};
     * the test command sets the thousand of the issue) and carried into the probe. Each running
     * vTPM holds two threads of the adapter's WorkManager and a pair of front-end ports of the
     * suite's range (30000-32759); the default keeps a run from an IDE short.
     */
    private static final String SIZE_PROPERTY = "vtpm.it.attestation.vtpms";
    private static final String SIZE_RESOURCE = "attestation-job-size";
    private static final int DEFAULT_VTPMS = 20;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(20);
    /** The shortest schedule is a minute; the first expiry comes one schedule after the policy is made. */
    private static final Duration SCHEDULE_TIMEOUT = Duration.ofSeconds(150);
    private static final Logger LOG = Logger.getLogger(AttestationJobIT.class.getName());

    @Deployment(name = "application", order = 1, testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "attestation-job-probe.war")
                .addClasses(AttestationJobIT.class, Attestations.class, Firmware.class, ConnectionTpm.class, Api.class,
                        Api.Reply.class)
                .addAsResource(new StringAsset(Integer.toString(Integer.getInteger(SIZE_PROPERTY, DEFAULT_VTPMS))),
                        SIZE_RESOURCE)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.vtpm.ear\n"));
    }

    @Test
    @OperateOnDeployment("probe")
    void aJobOverManyVtpmsCompletesWithTheRightCountsWhileAPoisonMessageGoesToTheDeadLetterQueue()
            throws Exception {
        int size = jobSize();
        Attestations attest = new Attestations();
        String batch = UUID.randomUUID().toString();
        List<String> vtpms = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                vtpms.add(attest.runningVtpm(Map.of("attest-batch", batch)));
            }
            for (String id : vtpms) {
                Firmware.boot(id, null);
            }
            String poison = "not a job " + UUID.randomUUID();
            ConnectionFactory factory = InitialContext.doLookup("java:/ConnectionFactory");
            Queue jobs = InitialContext.doLookup("java:/jms/queue/vtpm/AttestationJobs");
            try (JMSContext jms = factory.createContext()) {
                jms.createProducer().send(jobs, poison);
            }

            Api.Reply submitted = attest.api.postJson("/api/v1/attestation-jobs",
                    "{\"labels\":{\"attest-batch\":\"" + batch + "\"}}");
            assertEquals(202, submitted.status(), submitted.toString());
            String location = submitted.location().substring(submitted.location().indexOf("/api/v1/"));
            JsonObject job = awaitCompletion(attest.api, location);
            assertEquals(size, job.getInt("total"), job.toString());
            assertEquals(size, job.getInt("done"), job.toString());
            assertEquals(size, job.getInt("passed"), job.toString());
            assertEquals(0, job.getInt("failed"), job.toString());
            assertEquals(size, attest.api.get(location + "/results?limit=1").object().getInt("total"));
            double seconds = Duration.between(Instant.parse(job.getString("started")),
                    Instant.parse(job.getString("finished"))).toMillis() / 1000.0;
            LOG.info(String.format("attestation job over %d vTPMs: %.1f s, %.1f full attestations per second",
                    size, seconds, size / seconds));

            assertTrue(awaitOnDeadLetterQueue(factory, poison), "the poison message is on the dead-letter queue");
        } finally {
            attest.deleteCreated();
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void aPolicyWithAScheduleAttestsItsVtpmsOnATimer() throws Exception {
        Attestations attest = new Attestations();
        String policy = null;
        String vtpm = attest.runningVtpm(Map.of());
        try {
            Firmware.boot(vtpm, null);
            Api.Reply created = attest.api.postJson("/api/v1/policies", "{\"name\":\"every-minute-" + UUID.randomUUID()
                    + "\",\"baselinePcrs\":{\"sha256\":[0,1,2,3,4,5,6,7]},\"schedule\":\"PT1M\"}");
            assertEquals(201, created.status(), created.toString());
            assertEquals("PT1M", created.object().getString("schedule"));
            policy = created.object().getString("id");
            attest.assign(vtpm, policy);

            Instant deadline = Instant.now().plus(SCHEDULE_TIMEOUT);
            JsonObject scheduled = null;
            while (scheduled == null) {
                assertTrue(Instant.now().isBefore(deadline), "no scheduled attestation in " + SCHEDULE_TIMEOUT);
                Thread.sleep(2000);
                scheduled = attest.api.get("/api/v1/vtpms/" + vtpm + "/attestations").object().getJsonArray("items")
                        .getValuesAs(JsonObject.class).stream().filter(result -> result.containsKey("jobId"))
                        .findFirst().orElse(null);
            }
            assertEquals("PASS", scheduled.getString("verdict"), scheduled.toString());
        } finally {
            if (policy != null) {
                attest.api.putJson("/api/v1/vtpms/" + vtpm + "/policy", "{\"policy\":null}");
                assertEquals(204, attest.api.delete("/api/v1/policies/" + policy).status());
            }
            attest.deleteCreated();
        }
    }

    private static int jobSize() throws Exception {
        try (InputStream in = AttestationJobIT.class.getResourceAsStream("/" + SIZE_RESOURCE)) {
            return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
    }

    private static JsonObject awaitCompletion(Api api, String location) throws Exception {
        Instant deadline = Instant.now().plus(JOB_TIMEOUT);
        while (true) {
            Api.Reply reply = api.get(location);
            assertEquals(200, reply.status(), reply.toString());
            JsonObject job = reply.object();
            if (job.getString("status").equals("COMPLETED")) {
                return job;
            }
            assertTrue(Instant.now().isBefore(deadline), "the job did not complete in " + JOB_TIMEOUT + ": " + job);
            Thread.sleep(1000);
        }
    }

    private static boolean awaitOnDeadLetterQueue(ConnectionFactory factory, String body) throws Exception {
        Queue dlq = InitialContext.doLookup("java:/jms/queue/vtpm/AttestationJobsDLQ");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        try (JMSContext jms = factory.createContext()) {
            while (Instant.now().isBefore(deadline)) {
                try (QueueBrowser browser = jms.createBrowser(dlq)) {
                    Enumeration<?> messages = browser.getEnumeration();
                    while (messages.hasMoreElements()) {
                        Message message = (Message) messages.nextElement();
                        if (message instanceof TextMessage text && body.equals(text.getText())) {
                            return true;
                        }
                    }
                }
                Thread.sleep(500);
            }
        }
        return false;
    }
}
