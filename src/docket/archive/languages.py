"""Names of the languages an archive of letters most often records (ISO 639-1 codes)."""

LANGUAGE_NAMES: dict[str, str] = {
    "ar": "Arabic", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "fa": "Persian", "fr": "French", "he": "Hebrew", "hi": "Hindi", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "ku": "Kurdish", "la": "Latin", "nl": "Dutch",
    "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "ru": "Russian", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "yi": "Yiddish", "zh": "Chinese",
}


def language_name(code: str) -> str:
    """The English name of a language code, or the code itself when it is not listed."""
    return LANGUAGE_NAMES.get(code.split("-")[0], code)
