package dev.larder.http;

import dev.larder.model.EntityType;
import dev.larder.store.Store;
import dev.larder.store.StoredEntity;
import io.helidon.http.BadRequestException;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/{type}/{id}/stored} (admin): one entity as the store holds it, in the shape of its sync
 * fragment, with when it was last synced and, for a soft-deleted one, when it was deleted; so sync and events can
 * be checked from outside. The served view of an entity is {@link QueryService}'s {@code GET /api/v1/{type}/{id}}.
 */
public final class EntityService implements HttpService {

    private final Store store;
    private final AdminAuth admin;

    /**
     * @param store the store
     * @param admin the admin guard
     */
    public EntityService(Store store, AdminAuth admin) {
        this.store = store;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{type}/{id}/stored", this::get);
    }

    private void get(ServerRequest req, ServerResponse res) {
        admin.check(req);
        String typeName = req.path().pathParameters().get("type");
        EntityType type = EntityType.fromPluralName(typeName).filter(t -> t != EntityType.GALLERY_CHAPTER)
                .orElseThrow(() -> new NotFoundException("no entity type " + typeName + "; one of tags, studios, "
                        + "performers, groups, galleries, scenes, scene_markers, images"));
        String idText = req.path().pathParameters().get("id");
        int id;
        try {
            id = Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            throw new BadRequestException("id must be a positive whole number, got " + idText);
        }
        if (id < 1) {
            throw new BadRequestException("id must be a positive whole number, got " + idText);
        }
        StoredEntity entity = store.get(type, id)
                .orElseThrow(() -> new NotFoundException("no " + typeName + " with id " + id + " in Larder"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", typeName);
        body.put("id", id);
        body.put("syncedAt", entity.syncedAt());
        body.put("deletedAt", entity.deletedAt());
        body.put("entity", entity.json());
        res.send(body);
    }
}
