"""Names of the languages an archive of letters most often records (ISO 639-1 codes)."""

LANGUAGE_NAMES: dict[str, str] = {
    "ar": "Arabic", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "fa": "Persian", "fr": "French", "he": "Hebrew", "hi": "Hindi", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "ku": "Kurdish", "la": "Latin", "nl": "Dutch",
    "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "ru": "Russian", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "yi": "Yiddish", "zh": "Chinese",
    "und": "Unknown",  # ISO 639-2 "undetermined": the language is not known
}


#: languages written right to left (ISO 639 codes)
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv", "sd", "ug"})


def is_right_to_left(code: str) -> bool:
    """Whether a text in this language runs right to left (``fa``, ``ar-EG``)."""
    return code.split("-")[0] in RIGHT_TO_LEFT


def language_name(code: str) -> str:
    """The English name of a language code, or the code itself when it is not listed."""
    return LANGUAGE_NAMES.get(code.split("-")[0], code)
