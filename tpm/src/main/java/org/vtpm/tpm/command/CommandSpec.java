package org.vtpm.tpm.command;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.CcAttributes;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.RecordCodec;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * What the framing needs to know of one command: its code, how many handles its command and
 * response carry, the authorization role of each command handle, and the codecs of both
 * records. Built once per command from the records' declarations.
 */
public final class CommandSpec<R extends TpmResponse> {

    private static final int CC_INDEX_MASK = 0xFFFF;
    private static final int CC_VENDOR = 0x2000_0000;
    private static final int C_HANDLES_SHIFT = 25;

    private final Cc code;
    private final RecordCodec<Record> command;
    private final RecordCodec<Record> response;
    private final Class<R> responseType;
    private final List<AuthRole> roles;
    private final int responseHandles;
    private final CcAttributes attributes;

    private CommandSpec(Cc code, RecordCodec<Record> command, RecordCodec<Record> response, Class<R> responseType,
            CcAttributes flags) {
        this.code = code;
        this.responseType = responseType;
        this.command = command;
        this.response = response;
        this.roles = Collections.unmodifiableList(handleRoles(command));
        this.responseHandles = handleRoles(response).size();
        int value = flags.value() | (code.value() & CC_INDEX_MASK) | roles.size() << C_HANDLES_SHIFT;
        if (responseHandles > 0) {
            value |= CcAttributes.R_HANDLE.value();
        }
        if ((code.value() & CC_VENDOR) != 0) {
            value |= CcAttributes.V.value();
        }
        this.attributes = new CcAttributes(value);
    }

    static <R extends TpmResponse> CommandSpec<R> of(Cc code, Class<? extends TpmCommand<R>> type,
            CcAttributes flags) {
        Class<R> responseType = responseTypeOf(type);
        return new CommandSpec<>(code, Codecs.record(recordType(type)), Codecs.record(recordType(responseType)),
                responseType, flags);
    }

    public Cc code() {
        return code;
    }

    public Class<?> commandType() {
        return command.type();
    }

    public Class<R> responseType() {
        return responseType;
    }

    /** One entry per command handle, in order: the role it must be authorized for. */
    public List<AuthRole> authRoles() {
        return roles;
    }

    public int handleCount() {
        return roles.size();
    }

    /** The number of handles that need an authorization session. */
    public int authHandleCount() {
        return (int) roles.stream().filter(r -> r != AuthRole.NONE).count();
    }

    public int responseHandleCount() {
        return responseHandles;
    }

    /** The command's TPMA_CC, as GetCapability(TPM_CAP_COMMANDS) reports it. */
    public CcAttributes attributes() {
        return attributes;
    }

    /** True when the first command parameter is a TPM2B, which a session may encrypt. */
    public boolean commandEncryptable() {
        return command.componentCount() > handleCount() && command.isSized(handleCount());
    }

    /** True when the first response parameter is a TPM2B, which a session may encrypt. */
    public boolean responseEncryptable() {
        return response.componentCount() > responseHandles && response.isSized(responseHandles);
    }

    public List<Handle> handles(TpmCommand<R> value) {
        return handlesOf(command, (Record) value, handleCount());
    }

    public List<Handle> responseHandles(R value) {
        return handlesOf(response, (Record) value, responseHandles);
    }

    /** The marshalled parameter area of a command (what cpHash covers). */
    public byte[] parameters(TpmCommand<R> value) {
        TpmWriter out = new TpmWriter();
        command.writeComponents(out, (Record) value, handleCount(), command.componentCount());
        return out.toByteArray();
    }

    /** The marshalled parameter area of a response (what rpHash covers). */
    public byte[] responseParameters(R value) {
        TpmWriter out = new TpmWriter();
        response.writeComponents(out, (Record) value, responseHandles, response.componentCount());
        return out.toByteArray();
    }

    /** Reads a command's handle area, checking each handle's type; a bad one is reported by number. */
    List<Handle> readCommandHandles(TpmReader in) throws TpmFormatException {
        Object[] values = new Object[command.componentCount()];
        List<Handle> handles = new ArrayList<>(handleCount());
        for (int i = 0; i < handleCount(); i++) {
            try {
                handles.add((Handle) command.readComponent(in, i, values, false));
            } catch (TpmFormatException e) {
                throw e.located(e.rc().withHandle(i + 1));
            }
        }
        return handles;
    }

    /**
     * Builds a command from its handles and its (decrypted) parameter area; a bad parameter is
     * reported with its number, bytes left over are TPM_RC_SIZE.
     */
    public TpmCommand<R> readCommand(List<Handle> handles, byte[] parameters) throws TpmFormatException {
        Object[] values = valuesWithHandles(command, handles, handleCount());
        readParameters(command, handleCount(), new TpmReader(parameters), values);
        @SuppressWarnings("unchecked")
        TpmCommand<R> value = (TpmCommand<R>) command.construct(values);
        return value;
    }

    /**
     * Builds a response from its handles and its (decrypted) parameter area; a bad parameter is
     * reported with its number.
     */
    public R readResponse(List<Handle> handles, byte[] parameters) throws TpmFormatException {
        Object[] values = valuesWithHandles(response, handles, responseHandles);
        readParameters(response, responseHandles, new TpmReader(parameters), values);
        return responseType.cast(response.construct(values));
    }

    private static Object[] valuesWithHandles(RecordCodec<?> codec, List<Handle> handles, int count) {
        if (handles.size() != count) {
            throw new IllegalArgumentException(handles.size() + " handles for " + count);
        }
        Object[] values = new Object[codec.componentCount()];
        for (int i = 0; i < count; i++) {
            values[i] = handles.get(i);
        }
        return values;
    }

    private static void readParameters(RecordCodec<?> codec, int first, TpmReader in, Object[] values)
            throws TpmFormatException {
        for (int i = first; i < codec.componentCount(); i++) {
            try {
                values[i] = codec.readComponent(in, i, values, false);
            } catch (TpmFormatException e) {
                throw e.located(e.rc().withParameter(i - first + 1));
            }
        }
        in.requireEnd();
    }

    private static <T extends Record> List<Handle> handlesOf(RecordCodec<T> codec, T value, int count) {
        List<Handle> handles = new ArrayList<>(count);
        TpmWriter out = new TpmWriter(count * 4);
        codec.writeComponents(out, value, 0, count);
        byte[] bytes = out.toByteArray();
        for (int i = 0; i < count; i++) {
            handles.add(new Handle((bytes[4 * i] & 0xFF) << 24 | (bytes[4 * i + 1] & 0xFF) << 16
                    | (bytes[4 * i + 2] & 0xFF) << 8 | (bytes[4 * i + 3] & 0xFF)));
        }
        return List.copyOf(handles);
    }

    private static List<AuthRole> handleRoles(RecordCodec<?> codec) {
        List<AuthRole> roles = new ArrayList<>();
        var components = codec.type().getRecordComponents();
        boolean inHandles = true;
        for (var component : components) {
            HandleArea area = component.getAnnotation(HandleArea.class);
            if (area != null) {
                if (!inHandles || component.getType() != Handle.class) {
                    throw new IllegalArgumentException(codec.type() + "." + component.getName()
                            + ": handles must be leading Handle components");
                }
                roles.add(area.auth());
            } else {
                inHandles = false;
            }
        }
        return roles;
    }

    @SuppressWarnings("unchecked")
    private static Class<Record> recordType(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        return (Class<Record>) type;
    }

    @SuppressWarnings("unchecked")
    private static <R extends TpmResponse> Class<R> responseTypeOf(Class<?> type) {
        for (Type t : type.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == TpmCommand.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> r) {
                return (Class<R>) r;
            }
        }
        throw new IllegalArgumentException(type + " does not implement TpmCommand<a response record>");
    }
}
