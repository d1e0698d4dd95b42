"""Every month name of each language, as Babel gives them (generated).

Wide and abbreviated, format and stand-alone (Babel's
``Locale.parse(code).months``), sorted, keyed by catalog code: the speech
layer's sentence splitter keeps "Jan." and "19. April" whole
(:func:`kiosk.languages.formatting.month_names`).  Reading them from Babel
loaded each language's whole CLDR data, about 1 MiB a language, never
given back.  Not typed by hand: ``tests/languages/test_cldr_tables.py``
recomputes them from Babel and fails when a Babel upgrade changes one.
"""

from __future__ import annotations

MONTH_NAMES: dict[str, tuple[str, ...]] = {
    'bg': (
        'авг', 'август', 'апр', 'април', 'дек', 'декември',
        'май', 'март', 'ное', 'ноември', 'окт', 'октомври',
        'сеп', 'септември', 'фев', 'февруари', 'юли', 'юни',
        'яну', 'януари',
    ),
    'cs': (
        'bře', 'březen', 'března', 'dub', 'duben', 'dubna',
        'kvě', 'květen', 'května', 'led', 'leden', 'ledna',
        'lis', 'listopad', 'listopadu', 'pro', 'prosince', 'prosinec',
        'srp', 'srpen', 'srpna', 'zář', 'září', 'úno',
        'únor', 'února', 'červen', 'července', 'červenec', 'června',
        'čvc', 'čvn', 'říj', 'říjen', 'října',
    ),
    'da': (
        'apr.', 'april', 'aug.', 'august', 'dec.', 'december',
        'feb.', 'februar', 'jan.', 'januar', 'jul.', 'juli',
        'jun.', 'juni', 'maj', 'mar.', 'marts', 'nov.',
        'november', 'okt.', 'oktober', 'sep.', 'september',
    ),
    'de': (
        'Apr', 'Apr.', 'April', 'Aug', 'Aug.', 'August',
        'Dez', 'Dez.', 'Dezember', 'Feb', 'Feb.', 'Februar',
        'Jan', 'Jan.', 'Januar', 'Jul', 'Juli', 'Jun',
        'Juni', 'Mai', 'Mär', 'März', 'Nov', 'Nov.',
        'November', 'Okt', 'Okt.', 'Oktober', 'Sep', 'Sept.',
        'September',
    ),
    'el': (
        'Απρ', 'Απρίλιος', 'Απριλίου', 'Αυγ', 'Αυγούστου', 'Αύγ',
        'Αύγουστος', 'Δεκ', 'Δεκέμβριος', 'Δεκεμβρίου', 'Ιαν', 'Ιανουάριος',
        'Ιανουαρίου', 'Ιουλ', 'Ιουλίου', 'Ιουν', 'Ιουνίου', 'Ιούλ',
        'Ιούλιος', 'Ιούν', 'Ιούνιος', 'Μάι', 'Μάιος', 'Μάρ',
        'Μάρτιος', 'Μαΐ', 'Μαΐου', 'Μαρ', 'Μαρτίου', 'Νοέ',
        'Νοέμβριος', 'Νοε', 'Νοεμβρίου', 'Οκτ', 'Οκτωβρίου', 'Οκτώβριος',
        'Σεπ', 'Σεπτέμβριος', 'Σεπτεμβρίου', 'Φεβ', 'Φεβρουάριος', 'Φεβρουαρίου',
    ),
    'en': (
        'Apr', 'April', 'Aug', 'August', 'Dec', 'December',
        'Feb', 'February', 'Jan', 'January', 'Jul', 'July',
        'Jun', 'June', 'Mar', 'March', 'May', 'Nov',
        'November', 'Oct', 'October', 'Sep', 'September',
    ),
    'es': (
        'abr', 'abril', 'ago', 'agosto', 'dic', 'diciembre',
        'ene', 'enero', 'feb', 'febrero', 'jul', 'julio',
        'jun', 'junio', 'mar', 'marzo', 'may', 'mayo',
        'nov', 'noviembre', 'oct', 'octubre', 'sept', 'septiembre',
    ),
    'et': (
        'apr', 'aprill', 'aug', 'august', 'dets', 'detsember',
        'jaan', 'jaanuar', 'juuli', 'juuni', 'mai', 'märts',
        'nov', 'november', 'okt', 'oktoober', 'sept', 'september',
        'veebr', 'veebruar',
    ),
    'fi': (
        'elo', 'elokuu', 'elokuuta', 'heinä', 'heinäkuu', 'heinäkuuta',
        'helmi', 'helmikuu', 'helmikuuta', 'huhti', 'huhtikuu', 'huhtikuuta',
        'joulu', 'joulukuu', 'joulukuuta', 'kesä', 'kesäkuu', 'kesäkuuta',
        'loka', 'lokakuu', 'lokakuuta', 'maalis', 'maaliskuu', 'maaliskuuta',
        'marras', 'marraskuu', 'marraskuuta', 'syys', 'syyskuu', 'syyskuuta',
        'tammi', 'tammikuu', 'tammikuuta', 'touko', 'toukokuu', 'toukokuuta',
    ),
    'fr': (
        'août', 'avr.', 'avril', 'déc.', 'décembre', 'févr.',
        'février', 'janv.', 'janvier', 'juil.', 'juillet', 'juin',
        'mai', 'mars', 'nov.', 'novembre', 'oct.', 'octobre',
        'sept.', 'septembre',
    ),
    'ga': (
        'Aib', 'Aibreán', 'Beal', 'Bealtaine', 'DFómh', 'Deireadh Fómhair',
        'Ean', 'Eanáir', 'Feabh', 'Feabhra', 'Iúil', 'Lún',
        'Lúnasa', 'MFómh', 'Meith', 'Meitheamh', 'Meán Fómhair', 'Márta',
        'Noll', 'Nollaig', 'Samh', 'Samhain',
    ),
    'hr': (
        'kol', 'kolovoz', 'kolovoza', 'lip', 'lipanj', 'lipnja',
        'lis', 'listopad', 'listopada', 'ožu', 'ožujak', 'ožujka',
        'pro', 'prosinac', 'prosinca', 'ruj', 'rujan', 'rujna',
        'sij', 'siječanj', 'siječnja', 'srp', 'srpanj', 'srpnja',
        'stu', 'studeni', 'studenoga', 'svi', 'svibanj', 'svibnja',
        'tra', 'travanj', 'travnja', 'velj', 'veljača', 'veljače',
    ),
    'hu': (
        'aug.', 'augusztus', 'dec.', 'december', 'febr.', 'február',
        'jan.', 'január', 'júl.', 'július', 'jún.', 'június',
        'máj.', 'május', 'márc.', 'március', 'nov.', 'november',
        'okt.', 'október', 'szept.', 'szeptember', 'ápr.', 'április',
    ),
    'it': (
        'ago', 'agosto', 'apr', 'aprile', 'dic', 'dicembre',
        'feb', 'febbraio', 'gen', 'gennaio', 'giu', 'giugno',
        'lug', 'luglio', 'mag', 'maggio', 'mar', 'marzo',
        'nov', 'novembre', 'ott', 'ottobre', 'set', 'settembre',
    ),
    'lt': (
        'bal.', 'balandis', 'balandžio', 'birž.', 'birželio', 'birželis',
        'geg.', 'gegužė', 'gegužės', 'gruod.', 'gruodis', 'gruodžio',
        'kov.', 'kovas', 'kovo', 'lapkr.', 'lapkritis', 'lapkričio',
        'liep.', 'liepa', 'liepos', 'rugp.', 'rugpjūtis', 'rugpjūčio',
        'rugs.', 'rugsėjis', 'rugsėjo', 'saus.', 'sausio', 'sausis',
        'spal.', 'spalio', 'spalis', 'vas.', 'vasario', 'vasaris',
    ),
    'lv': (
        'apr.', 'aprīlis', 'aug.', 'augusts', 'dec.', 'decembris',
        'febr.', 'februāris', 'janv.', 'janvāris', 'jūl.', 'jūlijs',
        'jūn.', 'jūnijs', 'maijs', 'marts', 'nov.', 'novembris',
        'okt.', 'oktobris', 'sept.', 'septembris',
    ),
    'mt': (
        'Apr', 'April', 'Aww', 'Awwissu', 'Diċ', 'Diċembru',
        'Fra', 'Frar', 'Jan', 'Jannar', 'Lul', 'Lulju',
        'Mar', 'Marzu', 'Mej', 'Mejju', 'Nov', 'Novembru',
        'Ott', 'Ottubru', 'Set', 'Settembru', 'Ġun', 'Ġunju',
    ),
    'nl': (
        'apr', 'april', 'aug', 'augustus', 'dec', 'december',
        'feb', 'februari', 'jan', 'januari', 'jul', 'juli',
        'jun', 'juni', 'maart', 'mei', 'mrt', 'nov',
        'november', 'okt', 'oktober', 'sep', 'september',
    ),
    'pl': (
        'cze', 'czerwca', 'czerwiec', 'gru', 'grudnia', 'grudzień',
        'kwi', 'kwiecień', 'kwietnia', 'lip', 'lipca', 'lipiec',
        'lis', 'listopad', 'listopada', 'lut', 'lutego', 'luty',
        'maj', 'maja', 'mar', 'marca', 'marzec', 'paź',
        'październik', 'października', 'sie', 'sierpień', 'sierpnia', 'sty',
        'styczeń', 'stycznia', 'wrz', 'wrzesień', 'września',
    ),
    'pt': (
        'abr.', 'abril', 'ago.', 'agosto', 'dez.', 'dezembro',
        'fev.', 'fevereiro', 'jan.', 'janeiro', 'jul.', 'julho',
        'jun.', 'junho', 'mai.', 'maio', 'mar.', 'março',
        'nov.', 'novembro', 'out.', 'outubro', 'set.', 'setembro',
    ),
    'ro': (
        'apr.', 'aprilie', 'aug.', 'august', 'dec.', 'decembrie',
        'feb.', 'februarie', 'ian.', 'ianuarie', 'iul.', 'iulie',
        'iun.', 'iunie', 'mai', 'mar.', 'martie', 'noiembrie',
        'nov.', 'oct.', 'octombrie', 'sept.', 'septembrie',
    ),
    'sk': (
        'apr', 'apríl', 'apríla', 'aug', 'august', 'augusta',
        'dec', 'december', 'decembra', 'feb', 'február', 'februára',
        'jan', 'január', 'januára', 'júl', 'júla', 'jún',
        'júna', 'mar', 'marca', 'marec', 'máj', 'mája',
        'nov', 'november', 'novembra', 'okt', 'október', 'októbra',
        'sep', 'september', 'septembra',
    ),
    'sl': (
        'apr.', 'april', 'avg.', 'avgust', 'dec.', 'december',
        'feb.', 'februar', 'jan.', 'januar', 'jul.', 'julij',
        'jun.', 'junij', 'maj', 'mar.', 'marec', 'nov.',
        'november', 'okt.', 'oktober', 'sep.', 'september',
    ),
    'sv': (
        'apr.', 'april', 'aug.', 'augusti', 'dec.', 'december',
        'feb.', 'februari', 'jan.', 'januari', 'juli', 'juni',
        'maj', 'mars', 'nov.', 'november', 'okt.', 'oktober',
        'sep.', 'september',
    ),
    'nb': (
        'apr', 'apr.', 'april', 'aug', 'aug.', 'august',
        'des', 'des.', 'desember', 'feb', 'feb.', 'februar',
        'jan', 'jan.', 'januar', 'jul', 'juli', 'jun',
        'juni', 'mai', 'mar', 'mars', 'nov', 'nov.',
        'november', 'okt', 'okt.', 'oktober', 'sep', 'sep.',
        'september',
    ),
    'is': (
        'apr.', 'apríl', 'des.', 'desember', 'feb.', 'febrúar',
        'jan.', 'janúar', 'júl.', 'júlí', 'jún.', 'júní',
        'mar.', 'mars', 'maí', 'nóv.', 'nóvember', 'okt.',
        'október', 'sep.', 'september', 'ágú.', 'ágúst',
    ),
    'uk': (
        'бер.', 'березень', 'березня', 'вер.', 'вересень', 'вересня',
        'груд.', 'грудень', 'грудня', 'жовт.', 'жовтень', 'жовтня',
        'квіт.', 'квітень', 'квітня', 'лип.', 'липень', 'липня',
        'лист.', 'листопад', 'листопада', 'лют.', 'лютий', 'лютого',
        'серп.', 'серпень', 'серпня', 'січ.', 'січень', 'січня',
        'трав.', 'травень', 'травня', 'черв.', 'червень', 'червня',
    ),
    'tr': (
        'Ara', 'Aralık', 'Ağu', 'Ağustos', 'Eki', 'Ekim',
        'Eyl', 'Eylül', 'Haz', 'Haziran', 'Kas', 'Kasım',
        'Mar', 'Mart', 'May', 'Mayıs', 'Nis', 'Nisan',
        'Oca', 'Ocak', 'Tem', 'Temmuz', 'Şub', 'Şubat',
    ),
}
