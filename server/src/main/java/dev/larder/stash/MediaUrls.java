package dev.larder.stash;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns Stash's media URLs into paths that are safe to store.
 *
 * <p>Stash builds {@code paths.*}, {@code image_path} and stream URLs from the request it answered (scheme, host and
 * any {@code X-Forwarded-Prefix}), and appends {@code ?apikey=<key>} to stream URLs when an API key is configured.
 * Larder stores neither the host (it changes with the way Stash was reached) nor the key (a secret), and rebuilds
 * its own media URLs at read time. Stateless and thread-safe.
 */
public final class MediaUrls {

    private static final String API_KEY_PARAM = "apikey";

    private MediaUrls() {
    }

    /**
     * The path of a Stash media URL, without scheme, host and port, and without the {@code apikey} query parameter
     * (in any letter case); other parameters (such as the {@code t} cache-buster) keep their order, and a fragment is
     * kept. A prefix that a proxy added to the path (Stash's {@code X-Forwarded-Prefix}) is part of the path and stays.
     *
     * @param url an absolute URL such as {@code http://stash:9999/scene/1/stream?apikey=k&t=5}, or a URL that is
     *            already a path; may be null
     * @return the path, for example {@code /scene/1/stream?t=5}; {@code /} for a bare host; null for null
     */
    public static String toPath(String url) {
        if (url == null) {
            return null;
        }
        String rest = stripOrigin(url);
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash);
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        if (question < 0) {
            return rest + fragment;
        }
        String query = withoutApiKey(rest.substring(question + 1));
        return rest.substring(0, question) + (query.isEmpty() ? "" : "?" + query) + fragment;
    }

    private static String stripOrigin(String url) {
        int scheme = url.indexOf("://");
        int firstDelimiter = firstIndexOf(url, "/?#");
        if (scheme < 0 || (firstDelimiter >= 0 && firstDelimiter < scheme)) {
            return url;
        }
        int pathStart = firstIndexOf(url.substring(scheme + 3), "/?#");
        if (pathStart < 0) {
            return "/";
        }
        String rest = url.substring(scheme + 3 + pathStart);
        return rest.startsWith("/") ? rest : "/" + rest;
    }

    private static int firstIndexOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutApiKey(String query) {
        List<String> kept = new ArrayList<>();
        for (String param : query.split("&", -1)) {
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            if (!param.isEmpty() && !name.toLowerCase(Locale.ROOT).equals(API_KEY_PARAM)) {
                kept.add(param);
            }
        }
        return String.join("&", kept);
    }
}
