package io.github.migrationprofiler.seed;

import java.util.List;

/** Small vocabularies for readable values. */
final class Words {

    static final List<String> FIRST = List.of("Ada", "Alan", "Barbara", "Brian", "Carla", "Chen", "Dana", "Diego",
            "Elena", "Emil", "Fatima", "Felix", "Grace", "Hugo", "Ines", "Ivan", "Jana", "Jonas", "Kai", "Lena",
            "Liam", "Maya", "Mateo", "Nina", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera");
    static final List<String> LAST = List.of("Andersen", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia",
            "Hansen", "Ivanova", "Jensen", "Kowalski", "Larsen", "Martin", "Nakamura", "Okafor", "Petrov", "Quispe",
            "Rossi", "Schmidt", "Tanaka", "Urban", "Varga", "Weber", "Xu", "Yilmaz", "Zhang");
    static final List<String> WORDS = List.of("lamp", "garden", "blue", "river", "coffee", "travel", "book", "winter",
            "guitar", "camera", "kitchen", "bright", "soft", "classic", "modern", "wooden", "silver", "mountain",
            "city", "summer", "set", "gift", "wish", "list", "home", "bike", "green", "small", "large", "quiet",
            "fast", "warm", "old", "new", "red", "chair", "table", "shirt", "shoes", "watch", "phone", "paper",
            "game", "puzzle", "tea", "candle", "plant", "poster", "radio", "scarf", "bag", "wallet", "pen",
            "notebook", "mug", "blanket", "pillow", "speaker", "headphones", "jacket", "boots", "ticket", "trip");
    static final List<String> CITIES = List.of("Lisbon", "Oslo", "Berlin", "Osaka", "Lagos", "Lima", "Austin",
            "Toronto", "Madrid", "Prague", "Seoul", "Nairobi", "Dublin", "Hanoi", "Quito", "Perth");
    static final List<String> COUNTRIES = List.of("PT", "NO", "DE", "JP", "NG", "PE", "US", "CA", "ES", "CZ", "KR",
            "KE", "IE", "VN", "EC", "AU");
    static final List<String> STATUSES = List.of("active", "pending", "inactive", "archived");

    private Words() {
    }

    static String pick(List<String> words, long bits) {
        return words.get((int) Noise.below(bits, words.size()));
    }
}
