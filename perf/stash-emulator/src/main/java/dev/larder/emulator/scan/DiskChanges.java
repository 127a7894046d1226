package dev.larder.emulator.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes on the emulated disk that Stash has not seen yet: a Scan task picks up new and modified files, a Clean
 * task removes the entities whose files are gone. Tests and benchmarks set them up, then run the tasks through
 * the API as a user would. Thread-safe.
 */
public final class DiskChanges {

    /** What a scan will find. */
    record ScanWork(int newScenes, int newImages, List<Integer> modifiedSceneFiles, List<Integer> filesAddedToScenes) {
    }

    /** What a clean will find. */
    record CleanWork(List<Integer> scenes, List<Integer> images, List<Integer> galleries) {
    }

    private int newScenes;
    private int newImages;
    private final List<Integer> modifiedSceneFiles = new ArrayList<>();
    private final List<Integer> filesAddedToScenes = new ArrayList<>();
    private final List<Integer> removedScenes = new ArrayList<>();
    private final List<Integer> removedImages = new ArrayList<>();
    private final List<Integer> removedGalleries = new ArrayList<>();

    /**
     * New video files that the next scan turns into new scenes (hook {@code Scene.Create.Post}, input null).
     *
     * @param count 1 or more
     */
    public synchronized void addSceneFiles(int count) {
        newScenes += positive(count);
    }

    /**
     * New image files that the next scan turns into new images (hook {@code Image.Create.Post}, input null).
     *
     * @param count 1 or more
     */
    public synchronized void addImageFiles(int count) {
        newImages += positive(count);
    }

    /**
     * Scenes whose file was modified on disk: the next scan updates the file row only, so the scene's
     * {@code updated_at} stays as it is while {@code Scene.Update.Post} fires (STASH.md b.1).
     *
     * @param sceneIds existing scenes
     */
    public synchronized void modifySceneFiles(int... sceneIds) {
        for (int id : sceneIds) {
            modifiedSceneFiles.add(id);
        }
    }

    /**
     * Scenes that gain a second file: the next scan associates it and bumps the scene's {@code updated_at}.
     *
     * @param sceneIds existing scenes
     */
    public synchronized void addFilesToScenes(int... sceneIds) {
        for (int id : sceneIds) {
            filesAddedToScenes.add(id);
        }
    }

    /**
     * Scenes whose files are gone: the next clean destroys them ({@code Scene.Destroy.Post}).
     *
     * @param sceneIds existing scenes
     */
    public synchronized void removeSceneFiles(int... sceneIds) {
        for (int id : sceneIds) {
            removedScenes.add(id);
        }
    }

    /**
     * Images whose files are gone: the next clean destroys them ({@code Image.Destroy.Post}).
     *
     * @param imageIds existing images
     */
    public synchronized void removeImageFiles(int... imageIds) {
        for (int id : imageIds) {
            removedImages.add(id);
        }
    }

    /**
     * Galleries whose zip or folder is gone: the next clean destroys them ({@code Gallery.Destroy.Post}).
     *
     * @param galleryIds existing galleries
     */
    public synchronized void removeGalleryFiles(int... galleryIds) {
        for (int id : galleryIds) {
            removedGalleries.add(id);
        }
    }

    synchronized ScanWork takeScanWork() {
        ScanWork work = new ScanWork(newScenes, newImages, List.copyOf(modifiedSceneFiles),
                List.copyOf(filesAddedToScenes));
        newScenes = 0;
        newImages = 0;
        modifiedSceneFiles.clear();
        filesAddedToScenes.clear();
        return work;
    }

    synchronized CleanWork takeCleanWork() {
        CleanWork work = new CleanWork(List.copyOf(removedScenes), List.copyOf(removedImages),
                List.copyOf(removedGalleries));
        removedScenes.clear();
        removedImages.clear();
        removedGalleries.clear();
        return work;
    }

    private static int positive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be 1 or more, got " + count);
        }
        return count;
    }
}
