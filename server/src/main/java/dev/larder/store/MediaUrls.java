package dev.larder.store;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Turns Stash's absolute media URLs into what L2 stores: the path and query without scheme, host, user info or
 * the {@code apikey} parameter, so that no secret and no Stash address ever reaches the database. Other query
 * parameters (Stash's {@code ?t=<unix>} or bare {@code ?<unix>} cache-busters) stay. Stateless and thread-safe.
 */
final class MediaUrls {

    private MediaUrls() {
    }

    /**
     * @param url an absolute URL such as {@code http://stash:9999/scene/1/stream?apikey=k}, or a path
     * @return the path with its remaining query, for example {@code /scene/1/stream}
     */
    static String toStoredPath(String url) {
        String rest = url;
        int scheme = url.indexOf("://");
        if (scheme > 0 && url.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            int authorityEnd = scheme + 3;
            while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
                authorityEnd++;
            }
            rest = url.substring(authorityEnd);
            if (!rest.startsWith("/")) {
                rest = "/" + rest;
            }
        }
        int fragment = rest.indexOf('#');
        String suffix = fragment < 0 ? "" : rest.substring(fragment);
        String beforeFragment = fragment < 0 ? rest : rest.substring(0, fragment);
        int query = beforeFragment.indexOf('?');
        if (query < 0) {
            return rest;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String param : beforeFragment.substring(query + 1).split("&")) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (!param.isEmpty() && !name.toLowerCase(Locale.ROOT).equals("apikey")) {
                kept.add(param);
            }
        }
        String path = beforeFragment.substring(0, query);
        return (kept.length() == 0 ? path : path + "?" + kept) + suffix;
    }
}
