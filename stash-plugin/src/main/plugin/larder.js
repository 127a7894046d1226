// Larder's Stash plugin. Stash runs this file once per hook call and per task run, in its goja runtime
// (ES5 strict mode; globals input, log, console, util, gql). It never calls back into Stash and never throws:
// a save in Stash waits for every hook, so a hook here only writes one short trace line, which reaches Larder
// on Stash's log stream (loggingSubscribe). Line formats: README.md in this module.

var EVENT_MARKER = "larder-event:1 ";
var SYNC_MARKER = "larder-sync:1 ";
var EVENT_VERSION = 1;
var MAX_ID = 2147483647;

// the hook type names Larder keeps; Stash fires Movie.* alongside Group.* for every group change
var TYPES = ["Scene", "SceneMarker", "Image", "Gallery", "GalleryChapter", "Group", "Movie", "Performer",
    "Studio", "Tag"];
var OPS = ["Create", "Update", "Destroy", "Merge"];
var SYNC_MODES = ["incremental", "full"];

function contains(list, value) {
    for (var i = 0; i < list.length; i++) {
        if (list[i] === value) {
            return true;
        }
    }
    return false;
}

function isArray(value) {
    return Object.prototype.toString.call(value) === "[object Array]";
}

// an entity id as Stash gives it (a number, or a decimal string in GraphQL inputs), or null when it is none
function entityId(value) {
    var n = null;
    if (typeof value === "number") {
        n = value;
    } else if (typeof value === "string" && /^[0-9]{1,10}$/.test(value)) {
        n = Number(value);
    }
    if (n === null || n % 1 !== 0 || n < 1 || n > MAX_ID) {
        return null;
    }
    return n;
}

// only the names of the changed input fields, never their values
function fieldNames(inputFields) {
    var names = [];
    if (isArray(inputFields)) {
        for (var i = 0; i < inputFields.length; i++) {
            if (typeof inputFields[i] === "string") {
                names.push(inputFields[i]);
            }
        }
    }
    return names;
}

function mergeSources(hookInput) {
    var sources = [];
    if (hookInput !== null && typeof hookInput === "object" && isArray(hookInput.source)) {
        for (var i = 0; i < hookInput.source.length; i++) {
            var id = entityId(hookInput.source[i]);
            if (id !== null) {
                sources.push(id);
            }
        }
    }
    return sources;
}

// a chapter's gallery as its create or update input names it (Larder keeps chapters inside their gallery), or null
function chapterGallery(hookInput) {
    if (hookInput === null || typeof hookInput !== "object") {
        return null;
    }
    return entityId(hookInput.gallery_id);
}

// the event for a hook context, or null when the context is not one Larder understands
function changeEvent(hookContext) {
    if (hookContext === null || typeof hookContext !== "object" || typeof hookContext.type !== "string") {
        return null;
    }
    var parts = hookContext.type.split(".");
    var id = entityId(hookContext.id);
    if (parts.length !== 3 || parts[2] !== "Post" || !contains(TYPES, parts[0]) || !contains(OPS, parts[1])
            || id === null) {
        return null;
    }
    var event = {
        v: EVENT_VERSION,
        type: parts[0],
        op: parts[1],
        id: id,
        fields: fieldNames(hookContext.inputFields),
        sources: parts[1] === "Merge" ? mergeSources(hookContext.input) : []
    };
    var gallery = parts[0] === "GalleryChapter" ? chapterGallery(hookContext.input) : null;
    if (gallery !== null) {
        event.gallery = gallery;
    }
    return event;
}

function onHook(hookContext) {
    var event = changeEvent(hookContext);
    if (event === null) {
        log.Warn("Larder: ignored a hook call whose context it could not read");
    } else {
        log.Trace(EVENT_MARKER + JSON.stringify(event));
    }
    // no Output: Stash logs a hook's Output at debug level for every save
    return {};
}

function onTask(mode) {
    if (!contains(SYNC_MODES, mode)) {
        return {Error: "Larder: unknown task mode; expected incremental or full"};
    }
    log.Info(SYNC_MARKER + JSON.stringify({mode: mode}));
    return {Output: "ok"};
}

function main() {
    try {
        var args = input.Args;
        if (args !== null && typeof args === "object" && args.hookContext !== undefined) {
            return onHook(args.hookContext);
        }
        return onTask(args === null || typeof args !== "object" ? undefined : args.mode);
    } catch (e) {
        // a hook must never fail a save; the message may quote input, so it is not logged
        log.Warn("Larder: could not handle a plugin call");
        return {};
    }
}

main();
