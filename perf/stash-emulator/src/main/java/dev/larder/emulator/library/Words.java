package dev.larder.emulator.library;

/** Word lists that make generated names, titles and paths look like a real library's. */
final class Words {

    static final String[] ADJECTIVES = {"Golden", "Silent", "Hidden", "Bright", "Velvet", "Crimson", "Wild",
        "Quiet", "Electric", "Lazy", "Sunny", "Frozen", "Secret", "Midnight", "Endless", "Gentle", "Urban", "Lost",
        "Sweet", "Private", "Summer", "Winter", "Spring", "Autumn", "Blue", "Silver", "Neon", "Rainy", "Hot",
        "Classic", "Lucky", "Perfect", "Tender", "Bold", "Rough", "Soft", "Early", "Late", "First", "Last"};

    static final String[] NOUNS = {"Afternoon", "Beach", "Garden", "Studio", "Evening", "Session", "Journey",
        "Holiday", "Office", "Kitchen", "Balcony", "Morning", "Road Trip", "Weekend", "Pool", "Lounge", "Cabin",
        "Rooftop", "Meeting", "Interview", "Workout", "Dinner", "Dance", "Party", "Visit", "Lesson", "Game",
        "Escape", "Reunion", "Affair", "Surprise", "Dream", "Story", "Encounter", "Adventure", "Picnic", "Night",
        "Sunset", "Hotel", "Shower"};

    static final String[] FIRST_NAMES = {"Anna", "Bella", "Chloe", "Daisy", "Emma", "Freya", "Grace", "Holly",
        "Iris", "Jade", "Kira", "Lena", "Mia", "Nina", "Olive", "Piper", "Quinn", "Ruby", "Sofia", "Tara", "Uma",
        "Vera", "Willow", "Xena", "Yara", "Zoe", "Adam", "Ben", "Carl", "Dylan", "Eric", "Finn", "Gus", "Hugo",
        "Ivan", "Jack", "Kai", "Leo", "Max", "Noah"};

    static final String[] LAST_NAMES = {"Adams", "Blake", "Carter", "Dean", "Ellis", "Foster", "Gray", "Hayes",
        "Irving", "James", "Knight", "Lane", "Monroe", "Nash", "Owens", "Parker", "Quinn", "Reed", "Stone", "Taylor",
        "Underwood", "Vance", "Wells", "York", "Young", "Zane", "Brooks", "Cross", "Diaz", "Evans", "Fox", "Gold",
        "Hart", "Ivy", "Jordan", "Kent", "Love", "Moore", "North", "Rose"};

    static final String[] STUDIO_WORDS = {"Pixel", "Lens", "Velvet", "Amber", "Harbor", "Nova", "Silk", "Atlas",
        "Echo", "Lumen", "Orchid", "Summit", "Vista", "Zenith", "Cobalt", "Ember", "Fable", "Gloss", "Halo", "Indigo"};

    static final String[] STUDIO_SUFFIXES = {"Films", "Media", "Pictures", "Studios", "Productions", "Entertainment",
        "Video", "Works", "Cinema", "Digital"};

    static final String[] TAG_WORDS = {"Outdoor", "Indoor", "POV", "Solo", "Couple", "Group", "Romantic",
        "Amateur", "Professional", "Vintage", "4K", "VR", "Interview", "Behind The Scenes", "Massage", "Fitness",
        "Costume", "Lingerie", "Blonde", "Brunette", "Redhead", "Tattooed", "Natural", "Beach", "Pool", "Office",
        "Kitchen", "Bedroom", "Car", "Hotel", "Nature", "Dance", "Music", "Compilation", "Teaser", "Trailer",
        "Classic", "Modern", "Artistic", "Casual"};

    static final String[] ETHNICITIES = {"Caucasian", "Black", "Asian", "Latin", "Indian", "Middle Eastern", "Mixed"};

    static final String[] COUNTRIES = {"US", "GB", "AU", "CA", "DE", "FR", "CZ", "HU", "RU", "UA", "BR", "JP", "ES",
        "IT", "NL"};

    static final String[] EYE_COLORS = {"Blue", "Brown", "Green", "Grey", "Hazel"};

    static final String[] HAIR_COLORS = {"Blonde", "Brunette", "Black", "Red", "Auburn", "Grey"};

    static final String[] GENDERS = {"FEMALE", "MALE", "TRANSGENDER_FEMALE", "TRANSGENDER_MALE", "INTERSEX",
        "NON_BINARY"};

    static final String[] CHAPTER_TITLES = {"Intro", "Set 1", "Set 2", "Outdoor", "Close-ups", "Behind the Scenes",
        "Finale", "Bonus"};

    private Words() {
    }

    static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
}
