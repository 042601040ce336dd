package org.vtpm.tpm.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vtpm.tpm.command.AuthRole;
import org.vtpm.tpm.command.CommandFraming;
import org.vtpm.tpm.command.CommandSpec;
import org.vtpm.tpm.command.Commands;
import org.vtpm.tpm.command.DecodedResponse;
import org.vtpm.tpm.command.FirstParameter;
import org.vtpm.tpm.command.NvReadPublic;
import org.vtpm.tpm.command.NvReadPublicResponse;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.ReadPublicResponse;
import org.vtpm.tpm.command.ResponseFraming;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Executes typed commands on a TPM over any {@link TpmTransport}. It holds no state but the
 * transport: sessions are passed with each call, so one {@code Tpm} serves any sequence of
 * callers that take turns on the transport.
 */
public final class Tpm implements AutoCloseable {

    /** Warnings after which the same command may simply be sent again (Part 2, 6.6.3). */
    private static final Set<TpmRc> RETRYABLE = Set.of(TpmRc.RETRY, TpmRc.YIELDED, TpmRc.TESTING);
    private static final int MAX_ATTEMPTS = 8;
    private static final long MAX_PAUSE_MILLIS = 100;

    private final TpmTransport transport;

    public Tpm(TpmTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Runs one command. A TPM that answers TPM_RC_RETRY, TPM_RC_YIELDED or TPM_RC_TESTING gets the
     * command again, up to eight attempts in all, with short pauses.
     *
     * @param sessions one per handle that needs authorization, in handle order, then any
     *     sessions used only for auditing or parameter encryption
     * @throws TpmCommandException when the TPM returns an error or warning code
     * @throws TpmFormatException when the response is malformed or a session rejects it
     * @throws IOException when the transport fails
     */
    public <R extends TpmResponse> R execute(TpmCommand<R> command, Session... sessions)
            throws TpmException, IOException {
        CommandSpec<R> spec = Commands.spec(command);
        if (sessions.length < spec.authHandleCount() || sessions.length > TpmLimits.MAX_SESSION_NUM) {
            throw new IllegalArgumentException(spec.code() + " needs " + spec.authHandleCount()
                    + " to " + TpmLimits.MAX_SESSION_NUM + " sessions, got " + sessions.length);
        }
        List<Handle> handles = spec.handles(command);
        List<Name> names = List.of();
        if (Arrays.stream(sessions).anyMatch(Session::requiresNames)) {
            names = new ArrayList<>(handles.size());
            for (Handle handle : handles) {
                names.add(nameOf(handle));
            }
        }
        CommandContext plain = new CommandContext(spec.code(), handles, names, Bytes.of(spec.parameters(command)));
        DecodedResponse decoded = transmit(spec, plain, sessions);
        ResponseContext responseContext = new ResponseContext(TpmRc.SUCCESS, spec.code(), decoded.parameters());
        for (int i = 0; i < sessions.length; i++) {
            sessions[i].verify(responseContext, decoded.authorizations().get(i));
        }
        byte[] responseParameters = decoded.parameters().toByteArray();
        if (spec.responseEncryptable()) {
            responseParameters = decryptFirstParameter(responseContext, responseParameters, sessions);
        }
        return spec.readResponse(decoded.handles(), responseParameters);
    }

    /**
     * Sends a command until the TPM answers it with something other than a warning that asks for
     * a retry. Each attempt is encrypted and authorized afresh, as the TPM did not act on the last.
     */
    private DecodedResponse transmit(CommandSpec<?> spec, CommandContext plain, Session[] sessions)
            throws TpmException, IOException {
        CommandContext[] contexts = sessionContexts(spec, plain, sessions.length);
        for (int attempt = 1; ; attempt++) {
            byte[] parameters = plain.parameters().toByteArray();
            if (spec.commandEncryptable()) {
                parameters = encryptFirstParameter(contexts, parameters, sessions);
            }
            Bytes sent = Bytes.of(parameters);
            List<AuthCommand> authorizations = new ArrayList<>(sessions.length);
            for (int i = 0; i < sessions.length; i++) {
                CommandContext context = contexts[i].withParameters(sent);
                if (i == 0) {
                    context = context.withExtraNonces(extraNonces(sessions));
                }
                authorizations.add(sessions[i].authorize(context));
            }
            byte[] response = transport.transmit(CommandFraming.encode(spec.code(), plain.handles(), authorizations,
                    parameters));
            DecodedResponse decoded = ResponseFraming.decode(response, spec.responseHandleCount(), sessions.length);
            if (decoded.rc().isSuccess()) {
                return decoded;
            }
            if (!RETRYABLE.contains(decoded.rc()) || attempt == MAX_ATTEMPTS) {
                throw new TpmCommandException(spec.code(), decoded.rc());
            }
            pause(attempt);
        }
    }

    /**
     * nonceTPMdecrypt then nonceTPMencrypt (Part 1, 19.6.5): the first session's HMAC covers the
     * nonces of the sessions that encrypt the command and the response parameter, when those are
     * other sessions, so that an attacker cannot strip their encryption unnoticed.
     */
    private static Bytes extraNonces(Session[] sessions) {
        int decrypt = indexWith(sessions, SessionAttributes.DECRYPT);
        int encrypt = indexWith(sessions, SessionAttributes.ENCRYPT);
        byte[] decryptNonce = decrypt > 0 ? sessions[decrypt].nonceTpm().buffer() : new byte[0];
        byte[] encryptNonce = encrypt > 0 && encrypt != decrypt ? sessions[encrypt].nonceTpm().buffer() : new byte[0];
        byte[] both = Arrays.copyOf(decryptNonce, decryptNonce.length + encryptNonce.length);
        System.arraycopy(encryptNonce, 0, both, decryptNonce.length, encryptNonce.length);
        return Bytes.of(both);
    }

    private static int indexWith(Session[] sessions, SessionAttributes bit) {
        for (int i = 0; i < sessions.length; i++) {
            if (sessions[i].attributes().has(bit)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The context each session sees: the i-th session authorizes the i-th handle that needs
     * authorization; the sessions after those authorize nothing.
     */
    private static CommandContext[] sessionContexts(CommandSpec<?> spec, CommandContext plain, int count) {
        CommandContext[] contexts = new CommandContext[count];
        List<AuthRole> roles = spec.authRoles();
        int session = 0;
        for (int handle = 0; handle < roles.size() && session < count; handle++) {
            if (roles.get(handle) != AuthRole.NONE) {
                contexts[session++] = plain.forSession(handle);
            }
        }
        while (session < count) {
            contexts[session++] = plain.forSession(-1);
        }
        return contexts;
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(Math.min(1L << attempt, MAX_PAUSE_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    /**
     * The name of the entity a handle refers to: the handle itself for PCRs, sessions and
     * permanent entities; read from the TPM for objects and NV indices, and checked against the
     * public area the TPM returns with it.
     */
    public Name nameOf(Handle handle) throws TpmException, IOException {
        Ht type = handle.type();
        if (type.equals(Ht.TRANSIENT) || type.equals(Ht.PERSISTENT)) {
            ReadPublicResponse response = execute(new ReadPublic(handle));
            return checked(handle, response.name(), Name.of(response.outPublic()));
        }
        if (type.equals(Ht.NV_INDEX)) {
            NvReadPublicResponse response = execute(new NvReadPublic(handle));
            return checked(handle, response.nvName(), Name.of(response.nvPublic().value()));
        }
        return Name.of(handle);
    }

    private static Name checked(Handle handle, Name reported, Name computed) throws TpmFormatException {
        if (!reported.equals(computed)) {
            throw new TpmFormatException(TpmRc.VALUE, "the TPM reported a name for " + handle
                    + " that its public area does not have");
        }
        return computed;
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }

    private static byte[] encryptFirstParameter(CommandContext[] contexts, byte[] parameters, Session[] sessions)
            throws TpmException {
        byte[] contents = FirstParameter.contents(parameters);
        for (int i = 0; i < sessions.length; i++) {
            contents = sessions[i].encryptParameter(contexts[i], contents);
        }
        return FirstParameter.replace(parameters, contents);
    }

    private static byte[] decryptFirstParameter(ResponseContext context, byte[] parameters, Session[] sessions)
            throws TpmException {
        byte[] contents = FirstParameter.contents(parameters);
        for (Session session : sessions) {
            contents = session.decryptParameter(context, contents);
        }
        return FirstParameter.replace(parameters, contents);
    }
}
