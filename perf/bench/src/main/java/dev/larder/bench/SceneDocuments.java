package dev.larder.bench;

/**
 * The GraphQL documents the paging benchmark sends. Both take {@code $last} (keyset: scenes with a greater id) and
 * {@code $n} (page size) and sort by id ascending.
 */
final class SceneDocuments {
    /** Ids only: what a deletion check or an id listing asks for. */
    static final String IDS = """
            query($last:Int!,$n:Int!){findScenes(\
            scene_filter:{id:{modifier:GREATER_THAN,value:$last}},\
            filter:{per_page:$n,sort:"id",direction:ASC}){count scenes{id}}}""";

    /** The field set of Larder's full sync of scenes (relations as ids only), from STASH.md a.6. */
    static final String FULL_SYNC = """
            query($last:Int!,$n:Int!){ findScenes(\
            scene_filter:{id:{modifier:GREATER_THAN,value:$last}},\
            filter:{per_page:$n,sort:"id",direction:ASC}){ count scenes{
              id title code details director urls date rating100 organized o_counter interactive interactive_speed
              resume_time play_duration play_count last_played_at created_at updated_at
              files{id path size duration width height video_codec audio_codec frame_rate bit_rate fingerprints{type value}}
              paths{screenshot preview stream webp vtt sprite funscript caption interactive_heatmap}
              captions{language_code caption_type} studio{id} performers{id} tags{id} galleries{id}
              groups{group{id} scene_index} scene_markers{id} stash_ids{endpoint stash_id updated_at} } } }""";

    private SceneDocuments() {
    }
}
