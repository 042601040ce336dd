package org.vtpm.web.vtpm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.host.HostNotFoundException;
import org.vtpm.manager.keys.EkType;
import org.vtpm.manager.vtpm.CertificateView;
import org.vtpm.manager.vtpm.IllegalTransitionException;
import org.vtpm.manager.vtpm.Page;
import org.vtpm.manager.vtpm.SnapshotNotFoundException;
import org.vtpm.manager.vtpm.SnapshotView;
import org.vtpm.manager.vtpm.StateRefusedException;
import org.vtpm.manager.vtpm.VtpmLifecycle;
import org.vtpm.manager.vtpm.VtpmMigration;
import org.vtpm.manager.vtpm.VtpmNotFoundException;
import org.vtpm.manager.vtpm.VtpmSnapshots;
import org.vtpm.manager.vtpm.VtpmView;
import org.vtpm.rar.api.TpmResourceException;

/** vTPMs of the caller's tenant and their lifecycle ({@code /api/v1/vtpms}). */
@Path("/vtpms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VtpmResource {

    static final int MAX_PAGE = 500;
    static final int MAX_NV_INDICES = 64;
    private static final Pattern NV_HANDLE = Pattern.compile("0x0?1[0-9A-Fa-f]{6}");

    @EJB
    private VtpmLifecycle lifecycle;

    @EJB
    private VtpmSnapshots snapshots;

    @EJB
    private VtpmMigration migration;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateVtpmRequest request) throws InvalidRequestException, TpmResourceException {
        if (request == null) {
            throw new InvalidRequestException("a JSON body with \"name\" is required");
        }
        VtpmView created = lifecycle.create(request.name(), ekTypes(request.ek()),
                request.labels() == null ? Map.of() : request.labels());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    public Page<VtpmView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                               @QueryParam("limit") @DefaultValue("50") int limit) throws InvalidRequestException {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("offset must be 0 or more and limit between 1 and " + MAX_PAGE);
        }
        return lifecycle.list(offset, limit);
    }

    @GET
    @Path("/{id}")
    public VtpmView get(@PathParam("id") String id) throws VtpmNotFoundException {
        return lifecycle.get(id);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id)
            throws VtpmNotFoundException, IllegalTransitionException, TpmResourceException {
        lifecycle.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/start")
    public VtpmView start(@PathParam("id") String id) throws VtpmNotFoundException, IllegalTransitionException,
            StateRefusedException, TpmResourceException {
        return lifecycle.start(id);
    }

    @POST
    @Path("/{id}/stop")
    public VtpmView stop(@PathParam("id") String id)
            throws VtpmNotFoundException, IllegalTransitionException, TpmResourceException {
        return lifecycle.stop(id);
    }

    @POST
    @Path("/{id}/suspend")
    public VtpmView suspend(@PathParam("id") String id)
            throws VtpmNotFoundException, IllegalTransitionException, TpmResourceException {
        return lifecycle.suspend(id);
    }

    @POST
    @Path("/{id}/resume")
    public VtpmView resume(@PathParam("id") String id) throws VtpmNotFoundException, IllegalTransitionException,
            StateRefusedException, TpmResourceException {
        return lifecycle.resume(id);
    }

    @POST
    @Path("/{id}/clone")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cloneOf(@PathParam("id") String id, CloneRequest request) throws InvalidRequestException,
            VtpmNotFoundException, IllegalTransitionException, StateRefusedException, TpmResourceException {
        if (request == null) {
            throw new InvalidRequestException("a JSON body with \"name\" is required");
        }
        VtpmView created = lifecycle.cloneOf(id, request.name(), ekTypes(request.ek()),
                request.labels() == null ? Map.of() : request.labels(), handles(request.nvIndices()));
        return Response.created(uri.getBaseUriBuilder().path("vtpms").path(created.id()).build())
                .entity(created).build();
    }

    @POST
    @Path("/{id}/migrate")
    @Consumes(MediaType.APPLICATION_JSON)
    public VtpmView migrate(@PathParam("id") String id, MigrateRequest request) throws InvalidRequestException,
            VtpmNotFoundException, IllegalTransitionException, HostNotFoundException, StateRefusedException,
            TpmResourceException {
        if (request == null) {
            throw new InvalidRequestException("a JSON body with \"targetHost\" is required");
        }
        return migration.migrate(id, request.targetHost());
    }

    @GET
    @Path("/{id}/certificates")
    public Map<String, List<CertificateView>> certificates(@PathParam("id") String id) throws VtpmNotFoundException {
        return Map.of("certificates", lifecycle.certificates(id));
    }

    @POST
    @Path("/{id}/snapshots")
    public Response snapshot(@PathParam("id") String id, SnapshotRequest request)
            throws VtpmNotFoundException, IllegalTransitionException, StateRefusedException, InvalidRequestException {
        SnapshotView snapshot = snapshots.take(id, request == null ? null : request.name());
        return Response.created(uri.getAbsolutePathBuilder().path(snapshot.id()).build()).entity(snapshot).build();
    }

    @GET
    @Path("/{id}/snapshots")
    public Map<String, List<SnapshotView>> snapshots(@PathParam("id") String id) throws VtpmNotFoundException {
        return Map.of("snapshots", snapshots.list(id));
    }

    @POST
    @Path("/{id}/snapshots/{sid}/restore")
    public VtpmView restore(@PathParam("id") String id, @PathParam("sid") String snapshotId)
            throws VtpmNotFoundException, IllegalTransitionException, SnapshotNotFoundException,
            StateRefusedException {
        return snapshots.restore(id, snapshotId);
    }

    private static List<Integer> handles(List<String> nvIndices) throws InvalidRequestException {
        if (nvIndices == null) {
            return List.of();
        }
        if (nvIndices.size() > MAX_NV_INDICES) {
            throw new InvalidRequestException("at most " + MAX_NV_INDICES + " NV indices per clone");
        }
        List<Integer> handles = new ArrayList<>();
        for (String index : nvIndices) {
            if (index == null || !NV_HANDLE.matcher(index).matches()) {
                throw new InvalidRequestException("NV indices are hex handles like \"0x01500016\", not '" + index + "'");
            }
            handles.add(Integer.parseUnsignedInt(index.substring(2), 16));
        }
        return handles;
    }

    private static Set<EkType> ekTypes(List<String> names) throws InvalidRequestException {
        if (names == null) {
            return EnumSet.of(EkType.ECC_P256);
        }
        Set<EkType> types = EnumSet.noneOf(EkType.class);
        for (String name : names) {
            try {
                types.add(EkType.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("unknown EK type '" + name + "'; use " + EnumSet.allOf(EkType.class));
            }
        }
        return types;
    }
}
