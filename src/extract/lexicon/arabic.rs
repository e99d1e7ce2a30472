//! Arabic words of attribution: reporting verbs, the complementiser "that", and the words that
//! end a speaker and start the circumstances of the saying.

/// Reporting verbs, masculine and feminine past forms.
pub const ARABIC_REPORTING_VERBS: &[&str] = &[
    "قال",
    "قالت",
    "أكد",
    "أكدت",
    "أضاف",
    "أضافت",
    "صرح",
    "صرحت",
    "أوضح",
    "أوضحت",
    "اعتبر",
    "اعتبرت",
    "أعلن",
    "أعلنت",
    "ذكر",
    "ذكرت",
    "شدد",
    "شددت",
    "أشار",
    "أشارت",
    "لفت",
    "لفتت",
    "نفى",
    "نفت",
    "رأى",
    "رأت",
    "كشف",
    "كشفت",
    "زعم",
    "زعمت",
    "حذر",
    "حذرت",
];

/// "that": إن after قال, أن after the others, bare or with a pronoun suffix.
pub const ARABIC_THAT: &[&str] = &[
    "إن", "أن", "إنّ", "أنّ", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "إننا", "أننا",
];

/// Words that end the speaker and start the circumstances of the saying.
pub const ARABIC_CIRCUMSTANCE: &[&str] = &[
    "في",
    "خلال",
    "عبر",
    "أمام",
    "على",
    "إلى",
    "لـ",
    "بعد",
    "قبل",
    "اليوم",
    "أمس",
    "يوم",
    "مساء",
    "صباح",
    "لوكالة",
    "لصحيفة",
    "لقناة",
    "لموقع",
];
