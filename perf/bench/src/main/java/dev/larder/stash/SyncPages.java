package dev.larder.stash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Larder's scene sync page opened to the benchmarks, which live outside this package: the document that
 * {@link SyncDocuments} builds from {@code sync-fields.graphql}, and the streaming read of an answer into the
 * {@link ObjectNode}s that the store's writer takes. It composes the package's own classes the way
 * {@link StashClient} does for a list query; it parses nothing itself. Thread-safe.
 */
public final class SyncPages {

    private final SyncDocuments documents = new SyncDocuments(Fragments.load());
    private final ResponseReader reader = new ResponseReader(new ObjectMapper());

    /**
     * @param size scenes per page
     * @return the first page of a full scene sync, as Larder sends it
     */
    public Document scenes(int size) {
        SyncDocuments.Document d = documents.page(EntityType.SCENE, PageRequest.first(EntityType.SCENE, size));
        return new Document(d.query(), d.variables());
    }

    /**
     * Reads a {@code findScenes} answer as {@link StashClient} does: one tree per scene while the bytes stream in.
     *
     * @param body  the answer, uncompressed
     * @param scene receives each scene
     * @return the answer's {@code count}
     * @throws IOException when the body is not a GraphQL answer, or carries errors
     */
    public int readScenes(InputStream body, Consumer<ObjectNode> scene) throws IOException {
        SyncDocuments.StashType t = SyncDocuments.stashType(EntityType.SCENE);
        int[] count = {-1};
        ResponseReader.PageSink sink = new ResponseReader.PageSink() {
            @Override
            public void count(int c) {
                count[0] = c;
            }

            @Override
            public void entity(ObjectNode entity) {
                scene.accept(entity);
            }
        };
        List<String> errors = reader.read(body, (key, p) -> {
            if (key.equals(t.listQuery())) {
                reader.readList(p, t.resultField(), sink);
            } else {
                p.skipChildren();
            }
        });
        if (!errors.isEmpty()) {
            throw new IOException("the answer carries GraphQL errors: " + errors);
        }
        return count[0];
    }

    /**
     * A GraphQL document with its variables.
     *
     * @param query     the document's text
     * @param variables its variables
     */
    public record Document(String query, Map<String, Object> variables) {
    }
}
