package dev.larder.emulator.graphql;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads Stash's GraphQL schema, unmodified, from the {@code stash-schema/} folder that the build copies from the
 * shared schema into the emulator's jar.
 */
final class StashSchemaFiles {

    private static final String ROOT = "stash-schema/";

    private StashSchemaFiles() {
    }

    /**
     * Parses every {@code .graphql} file of the schema into one registry.
     *
     * @return the type definitions of Stash's schema
     * @throws IllegalStateException when the schema is not on the class path (the build did not find
     *                               {@code ../shared/stash-schema})
     */
    static TypeDefinitionRegistry load() {
        URL anchor = StashSchemaFiles.class.getClassLoader().getResource(ROOT + "schema.graphql");
        if (anchor == null) {
            throw new IllegalStateException("Stash schema not found on the class path under " + ROOT
                    + "; the build copies it from ../shared/stash-schema");
        }
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        SchemaParser parser = new SchemaParser();
        withSchemaFolder(anchor, folder -> {
            for (Path file : graphqlFiles(folder)) {
                registry.merge(parser.parse(read(file)));
            }
        });
        return registry;
    }

    private static List<Path> graphqlFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface FolderAction {
        void accept(Path folder);
    }

    private static void withSchemaFolder(URL anchor, FolderAction action) {
        try {
            URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                boolean opened = false;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                try {
                    action.accept(jar.getPath("/" + ROOT));
                } finally {
                    if (opened) {
                        jar.close();
                    }
                }
            } else {
                action.accept(Path.of(uri).getParent());
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the Stash schema at " + anchor, e);
        }
    }
}
