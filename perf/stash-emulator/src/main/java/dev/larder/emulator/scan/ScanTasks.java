package dev.larder.emulator.scan;

import dev.larder.emulator.hooks.HookFirer;
import dev.larder.emulator.jobs.JobProgress;
import dev.larder.emulator.library.EntityFiles;
import dev.larder.emulator.library.Library;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.LogSink;
import dev.larder.model.EntityType;
import dev.larder.model.HookOperation;
import dev.larder.model.HookTrigger;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work of Stash's Scan and Clean tasks over the emulated disk, with the hooks and {@code updated_at}
 * behaviour of STASH.md b.1 and d.2: scan-created entities fire {@code Create} hooks with a null input, a modified
 * file fires {@code Scene.Update.Post} without touching the scene row, a clean fires {@code Destroy} hooks with
 * the file's checksum, oshash and path.
 */
public final class ScanTasks {

    /** New files get ids far above the generated ones, so they never collide. */
    private static final int FIRST_NEW_FILE_ID = 1_000_000_000;

    private final Library library;
    private final DiskChanges disk;
    private final HookFirer hooks;
    private final LogSink log;
    private final AtomicInteger nextFileId = new AtomicInteger(FIRST_NEW_FILE_ID);

    /**
     * @param library the library the tasks change
     * @param disk    the pending disk changes they pick up
     * @param hooks   where they fire hooks
     * @param log     where they log, as Stash's tasks do
     */
    public ScanTasks(Library library, DiskChanges disk, HookFirer hooks, LogSink log) {
        this.library = library;
        this.disk = disk;
        this.hooks = hooks;
        this.log = log;
    }

    /**
     * Runs a scan.
     *
     * @param progress the job's progress handle
     */
    public void scan(JobProgress progress) {
        DiskChanges.ScanWork work = disk.takeScanWork();
        int total = work.newScenes() + work.newImages() + work.modifiedSceneFiles().size()
                + work.filesAddedToScenes().size();
        int done = 0;
        log.log(LogLevel.Info, "Starting scan of 1 paths");
        for (int i = 0; i < work.newScenes(); i++) {
            Map<String, Object> scene = library.create(EntityType.SCENE,
                    Map.of("files", List.of(videoFile())));
            hooks.fire(HookTrigger.of(EntityType.SCENE, HookOperation.CREATE), (Integer) scene.get("id"), null,
                    null);
            progress.setProgress(++done / (double) total);
        }
        for (int i = 0; i < work.newImages(); i++) {
            Map<String, Object> image = library.create(EntityType.IMAGE,
                    Map.of("visual_files", List.of(imageFile())));
            hooks.fire(HookTrigger.of(EntityType.IMAGE, HookOperation.CREATE), (Integer) image.get("id"), null,
                    null);
            progress.setProgress(++done / (double) total);
        }
        for (int id : work.modifiedSceneFiles()) {
            library.updateQuietly(EntityType.SCENE, id, f -> replacePrimaryFile(f, videoFile()));
            hooks.fire(HookTrigger.of(EntityType.SCENE, HookOperation.UPDATE), id, null, null);
            progress.setProgress(++done / (double) total);
        }
        for (int id : work.filesAddedToScenes()) {
            library.update(EntityType.SCENE, id, f -> addFile(f, videoFile()));
            hooks.fire(HookTrigger.of(EntityType.SCENE, HookOperation.UPDATE), id, null, null);
            progress.setProgress(++done / (double) total);
        }
        log.log(LogLevel.Info, "Finished scan");
    }

    /**
     * Runs a clean.
     *
     * @param progress the job's progress handle
     */
    public void clean(JobProgress progress) {
        DiskChanges.CleanWork work = disk.takeCleanWork();
        int total = work.scenes().size() + work.images().size() + work.galleries().size();
        int[] done = {0};
        log.log(LogLevel.Info, "Starting Cleaning");
        Map<EntityType, List<Integer>> removals = new LinkedHashMap<>();
        removals.put(EntityType.SCENE, work.scenes());
        removals.put(EntityType.IMAGE, work.images());
        removals.put(EntityType.GALLERY, work.galleries());
        removals.forEach((type, ids) -> {
            for (int id : ids) {
                Map<String, Object> entity = library.get(type, id);
                if (entity != null) {
                    Map<String, Object> input = new LinkedHashMap<>(Map.of("id", id));
                    input.putAll(EntityFiles.identity(type, entity));
                    library.destroy(type, id);
                    hooks.fire(HookTrigger.of(type, HookOperation.DESTROY), id, input, null);
                }
                progress.setProgress(++done[0] / (double) total);
            }
        });
        log.log(LogLevel.Info, "Finished Cleaning");
    }

    @SuppressWarnings("unchecked")
    private static void replacePrimaryFile(Map<String, Object> fields, Map<String, Object> file) {
        List<Object> files = new ArrayList<>((List<Object>) fields.getOrDefault("files", List.of()));
        if (files.isEmpty()) {
            files.add(file);
        } else {
            Map<String, Object> old = (Map<String, Object>) files.getFirst();
            Map<String, Object> changed = new LinkedHashMap<>(file);
            changed.put("id", old.get("id"));
            changed.put("path", old.get("path"));
            changed.put("basename", old.get("basename"));
            files.set(0, changed);
        }
        fields.put("files", files);
    }

    @SuppressWarnings("unchecked")
    private static void addFile(Map<String, Object> fields, Map<String, Object> file) {
        List<Object> files = new ArrayList<>((List<Object>) fields.getOrDefault("files", List.of()));
        files.add(file);
        fields.put("files", files);
    }

    private Map<String, Object> videoFile() {
        Map<String, Object> file = newFile("scene-", ".mp4", 700_000_000L, 1_000_000L, 1920, 1080);
        int id = (Integer) file.get("id");
        file.put("format", "mp4");
        file.put("duration", 1200.0 + id % 600);
        file.put("video_codec", "h264");
        file.put("audio_codec", "aac");
        file.put("frame_rate", 29.97);
        file.put("bit_rate", 5_000_000L);
        file.put("fingerprints", fingerprints(id, true));
        return file;
    }

    private Map<String, Object> imageFile() {
        Map<String, Object> file = newFile("image-", ".jpg", 2_000_000L, 1000L, 3000, 2000);
        file.put("fingerprints", fingerprints((Integer) file.get("id"), false));
        return file;
    }

    /** The fields every new file has; sizes vary with the id so files differ. */
    private Map<String, Object> newFile(String prefix, String extension, long baseSize, long sizeStep, int width,
                                        int height) {
        int id = nextFileId.getAndIncrement();
        String now = library.now();
        String basename = prefix + id + extension;
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", id);
        file.put("path", "/data/new/" + basename);
        file.put("basename", basename);
        file.put("size", baseSize + id % 1000 * sizeStep);
        file.put("mod_time", now);
        file.put("width", width);
        file.put("height", height);
        file.put("created_at", now);
        file.put("updated_at", now);
        return file;
    }

    private static List<Map<String, Object>> fingerprints(int fileId, boolean video) {
        HexFormat hex = HexFormat.of();
        String md5 = hex.toHexDigits((long) fileId * 0x9E3779B97F4A7C15L) + hex.toHexDigits((long) fileId);
        List<Map<String, Object>> fps = new ArrayList<>();
        fps.add(Map.of("type", "md5", "value", md5));
        fps.add(Map.of("type", "oshash", "value", hex.toHexDigits((long) fileId * 0xC2B2AE3D27D4EB4FL)));
        if (video) {
            fps.add(Map.of("type", "phash", "value", hex.toHexDigits((long) fileId * 0x165667B19E3779F9L)));
        }
        return fps;
    }
}
