"""Soft-404: a page that answers 200 but whose content is an error or a generic landing page.

The kinds of evidence, from strongest to weakest:

1. where the redirects ended: the site's home page, or a path that names an error;
2. what the host returns for a path that cannot exist (the probe): a page alike to it
   is the host's catch-all page, whatever its wording; and, for a short or redirected
   page, what its folder returns for such a path (the folder's missing-item template);
3. not-found wording, in the title or in a short body, in several languages;
4. what the page fails to say: a short page that names nothing of its address, an
   empty title slot, a canonical address that is a home or search page, inline app data
   with an error status, the last run's heading gone.

Wording alone is the weakest: an article about broken links says "not found" too. So a
phrase only counts in a short page, and a title counts only when the phrase is most of
the title (or of one of its "Site | Section" parts), not a word in a headline.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import parse_qsl, unquote, urlsplit

from archiver import notice_model
from archiver.drift import normalize, similarity
from archiver.model import Capture, Readable
from archiver.urls import section_of, sibling_of

SHORT_BODY_WORDS = 60  # body wording alone only counts on a page this short
TITLE_BODY_WORDS = 300  # a not-found title with not-found wording counts up to this length
PROBE_SIMILARITY = 0.85  # this alike to the random-path page = the host's catch-all page
TITLE_COVERAGE = 0.6  # share of a title part the not-found phrase must cover
# Same <title> as the random-path page and this alike: the catch-all page with rotating
# parts ("bestsellers", sponsored searches), which the plain threshold misses.
PROBE_TITLE_SIMILARITY = 0.5
LEAD_WORDS = 40  # the opening words of the text, where an error page puts its message
SITE_TITLE_WORDS = 100  # own words a page titled with its site's name alone may have
# Own words (beyond the random-path page's frame) past which an opening or a title in
# not-found wording is a page about the error, not the error: a removed job or product
# with its "similar items" stays within it, a thread or an article goes past.
OWN_MESSAGE_WORDS = 100
BARE_PROSE_WORDS = 20  # sentence words of a page that is only menus, links and a message
PROSE_LINE_WORDS = 8  # a line this long is a sentence, not a name, a price or a place
# Words past which a page that stayed where it was cited is not compared with its folder's
# random-path page: a removed-item template with its "similar items" stays below it.
SECTION_WORDS = 500

_GAP = r"(?:[^.!?\n]|\.(?=\w)){0,50}?"  # within one sentence (a dot inside 10.5555/x is no end)


def _whole_line(alternatives: str) -> str:
    """A pattern matching one of the alternatives only as a line of its own, a full stop
    allowed after it: a notice standing alone, not the same words inside a sentence."""
    return rf"(?:^|(?<=\n))(?:{alternatives})[.!。]?(?=[ \t]*(?:\n|$))"


# A line that is only "Event cancelled.": what an event page is left with once the event
# is called off and its details are taken down. A whole line, so that a post reporting
# "Saturday's clean-up event is cancelled because of the storm" is not read as one.
_CANCELLED_LINE = _whole_line(
    r"(?:this |the )?event (?:has been|was|is) (?:cancell?ed|called off)"
    r"|(?:ця |цю )?(?:поді[яю]|захід) (?:було )?скасовано"
    r"|(?:это |данное )?(?:мероприятие|событие) (?:было )?отменено"
    r"|(?:гэтая )?(?:падзея|мерапрыемства) (?:была |было )?адменен[аы]?"
    r"|renginys (?:yra )?atšauktas|pasākums (?:ir )?atcelts|üritus (?:on )?tühistatud"
    r"|(?:diese |die )?veranstaltung (?:wurde |ist )?abgesagt"
    r"|(?:cet |l')?(?:événement|évènement) (?:a été |est )?annulé"
    r"|(?:este |el |o )?evento (?:ha sido |fue |foi |está )?cancelado"
    r"|(?:questo |l')?evento (?:è stato )?annullato"
    r"|(?:dit |het )?evenement (?:is )?(?:geannuleerd|afgelast)"
    r"|evenemanget (?:är inställt|har ställts in)|arrangementet er (?:avlyst|aflyst)"
    r"|tapahtuma on peruttu|akce (?:byla )?zrušena|podujatie (?:bolo )?zrušené"
    r"|dogodek je odpovedan|(?:događaj je otkazan|догађај је отказан)"
    r"|(?:a |az )?(?:rendezvény|esemény) (?:elmarad|törölve)"
    r"|evenimentul a fost anulat|η εκδήλωση (?:ακυρώθηκε|ακυρώνεται)|etkinlik iptal edildi"
    r"|האירוע בוטל|(?:تم )?إلغاء (?:الفعالية|الحدث)|ღონისძიება გაუქმდა"
    r"|(?:この)?イベントは中止(?:となりました|になりました|しました)?"
    r"|행사가 취소되었습니다|活动已取消|tukio (?:hili )?limeghairiwa|kua whakakorea tēnei \w+"
    r"|mae'r digwyddiad (?:hwn )?wedi'i ganslo"
)
# A line that is only "Collection closed.": a solidarity fund's or a fundraiser's page
# once the appeal ended and its story was taken down. Only on a very short page: a live
# appeal says the same above the story it still shows.
_CLOSED_APPEAL_LINE = re.compile(
    _whole_line(
        r"(?:this )?(?:campaign|fundraiser|appeal|collection|fund) (?:has |is |was )?(?:now )?"
        r"(?:closed|ended)"
        r"(?:,? and (?:is )?no longer accepting (?:donations|contributions|pledges))?"
        r"|збор (?:завершаны|закрыты|спынены)|сбор (?:завершён|завершен|закрыт|окончен)"
        r"|збір (?:закрито|завершено|закритий|завершений)"
        r"|zbiórka (?:została )?(?:zakończona|zamknięta)|rinkimas (?:baigtas|uždarytas)"
        r"|(?:diese )?(?:spendenaktion|sammlung|kampagne) (?:ist|wurde) (?:beendet|geschlossen)"
        r"|(?:cette )?(?:cagnotte|collecte|campagne) (?:est|a été) (?:close|terminée|clôturée)"
        r"|(?:esta )?(?:campaña|colecta) (?:ha finalizado|está cerrada|ha sido cerrada)"
        r"|(?:questa )?raccolta(?: fondi)? (?:è )?(?:stata )?(?:chiusa|terminata|conclusa)"
        r"|(?:esta )?(?:vaquinha|campanha) (?:foi )?(?:encerrada|finalizada)"
    )
)
_STRONG = (
    # English: "<the page> … <could not be found>", and set phrases
    rf"\b(?:page|file|document|resource|article|post|url|link|content|item|story|profile"
    rf"|account|video|tweet|listing|product|key|blob|object|site|website|domain|entry|record"
    rf"|episode|track|ad|advert|thread|topic|book|app|job|property|position|vacancy|repository"
    rf"|repo|judgment|decision|dataset|paper|manuscript|report|publication|release|posting"
    rf"|community|channel|subreddit|event|course|programme|program|case|text|statement"
    rf"|notice|announcement|question|answer|comment|gallery|album|photo|image|show|podcast"
    rf"|playlist|map|collection|recording|review|disclosure|issue|discussion|message|paste|pad)s?\b"
    rf"{_GAP}"
    r"(?:(?:could not|couldn't|cannot|can't|can not) be found|(?:was|were|is) not found"
    r"|(?:does not|doesn't|did not|no longer) exists?"
    r"|(?:has|have) been (?:temporarily |permanently )?(?:removed|deleted"
    r"|taken down|suspended|disabled|withdrawn)|(?:was|were|is) (?:removed|deleted|suspended"
    r"|withdrawn)"
    r"|(?:has|have) (?:now )?expired"
    r"|(?:is |are )?no longer (?:available|online|listed|active|offered)"
    r"|(?:is |are )?no longer being (?:marketed|advertised|offered)"
    r"|(?:has been|is|was) discontinued"
    r"|is (?:missing|unavailable|gone|not available)"
    r"|(?:is not|isn't|are not|aren't) (?:available|found)(?: right now| anymore| any more)?)"
    r"|(?:have|has) withdrawn this (?:manuscript|article|paper|preprint)"
    r"|(?:could not|couldn't|can't|cannot) find (?:that|this) (?:track|page|video|post|song"
    r"|episode|file|item|product|article)"
    r"|this \w+ (?:has been|is|was) discontinued|the requested (?:user|topic|forum) does not exist"
    r"|page (?:was )?not found|(?:we|i) (?:could not|couldn't|can't|cannot|can not) find "
    r"(?:the|that|this|what|your)(?: page| article| post| content| file| track| video| song"
    r"| episode| item| product| listing| account| user| profile)?"
    r"|(?:http )?error ?404|404 ?(?:error|not found|page)(?!s)"
    r"|the requested url .{0,80}was not found"
    r"|nothing (?:was )?found (?:here|at this location)|page (?:is )?(?:missing|unavailable)"
    # set phrases of wikis and storage services
    r"|there is currently no text in this page|(?:does not|doesn't) have an? (?:article|page"
    r"|entry) with this (?:exact )?(?:name|title)|nosuchkey|nosuchbucket|blobnotfound"
    r"|nie ma jeszcze artykułu o tym tytule"
    # shop software's empty listings (WooCommerce, BigCommerce, marketplaces)
    r"|es wurden keine produkte gefunden|no products were found matching your selection"
    r"|there are no products listed under this category|keine ergebnisse für"
    # French
    rf"|\b(?:page|article|contenu|document|fichier|sujet|titre|vidéo|annonce|produit|offre"
    rf"|épisode|décision|arrêt|jugement)s?\b"
    rf"{_GAP}(?:n'existe (?:pas|plus)"
    r"|est introuvable|(?:n'a pas été|n'a pu être) trouvée?"
    r"|a été (?:supprimée?|retirée?|dépubliée?)"
    r"|n'est plus disponible|est indisponible|(?:a été )?désactivée?|a expiré|est expirée?)"
    r"|page (?:non trouvée|introuvable|inexistante|non disponible)"
    r"|(?:nous ne trouvons pas|impossible de trouver) (?:la|cette) page|erreur 404"
    r"|rien (?:n'a|n'ait) été trouvé à cet emplacement"
    # German
    rf"|\b(?:seite|artikel|inhalt|dokument|datei|thema|beitrag|eintrag|anzeige|angebot|produkt"
    rf"|profil|konto|video|nachricht|stellenanzeige|stellenangebot|petition|fahrzeug|inserat"
    rf"|ausschreibung)\b"
    rf"{_GAP}"
    r"(?:nicht gefunden"
    r"|existiert (?:hier |leider )*nicht|gibt es (?:leider )?nicht"
    r"|ist (?:leider )?nicht (?:oder nicht )?(?:mehr )?verfügbar|ist (?:leider )?nicht mehr online"
    r"|ist nicht vorhanden oder nicht mehr"
    r"|wurde (?:gelöscht|entfernt|gesperrt)|ist (?:leider )?(?:bereits )?abgelaufen)"
    r"|fehler 404|404 fehler|(?:konnten|können) wir (?:die|diese) seite nicht finden"
    # Spanish
    rf"|\b(?:página|nota|artículo|contenido|documento|archivo|producto|oferta|anuncio|vídeo|video"
    rf"|perfil|cuenta|publicación|tema|aviso|pregunta|respuesta|comentario|curso|evento|vacante"
    rf"|convocatoria|entrada|mensaje)s?\b{_GAP}(?:no existe|ya no existe|descatalogad[ao]"
    r"|ya no está (?:disponible|a la venta|publicad[ao])|ya no tiene este producto"
    r"|no (?:se )?(?:ha podido encontrar|puede encontrar|encuentra|encontró|fue encontrad[ao])"
    r"|no está disponible|(?:ha sido|fue) (?:eliminad[ao]|borrad[ao]|retirad[ao])|no encontrad[ao])"
    r"|no (?:hemos podido|pudimos|podemos) encontrar (?:la|esta) página|error 404"
    # Russian
    rf"|(?:страниц[аы]|стать[яи]|материал|документ|запись|тем[аы]|товар|объявление|публикация"
    rf"|новость|ваканси[яи]|пользовател[ья]|курс|вопрос|мероприятие|сообщение)\b{_GAP}"
    r"(?:не найден[аоы]?"
    r"|не существует|удал[её]н[аоы]?|недоступ(?:ен|н[аоы])|не может быть найден[аоы]?"
    r"|больше не проводится)"
    r"|(?:такой )?страницы нет|товар снят с (?:производства|продажи)|снят с продажи"
    r"|больше не прода[её]тся|такого (?:товара|объявления|материала|пользователя) нет"
    r"|снят[аоы]? с публикации|(?:снял[аи]?|удалил[аи]?) (?:(?:эт[оу]|этот|сво[её]|свою|свой) )?"
    r"(?:объявление|вакансию|страницу|запись|публикацию|аккаунт|профиль)"
    r"|ошибка 404|не (?:можем|удалось) найти (?:эту |такую |запрашиваемую )?страницу"
    # Italian
    rf"|\b(?:pagina|articolo|contenuto|documento|video|profilo|annuncio|notizia|prodotto)\b{_GAP}"
    r"(?:non esiste|non (?:è )?più disponibile|non è disponibile|non è stat[ao] trovat[ao]"
    r"|è stat[ao] (?:rimoss[ao]"
    r"|cancellat[ao]|eliminat[ao]))|pagina non trovata|errore 404"
    r"|non (?:è )?più in pubblicazione|non (?:sono |è )?più consultabil[ei]"
    r"|non (?:riusciamo|siamo riusciti) a trovare "
    r"(?:(?:la|questa) pagina|(?:quello|ciò) che cerchi)"
    # Portuguese
    rf"|\b(?:página|conteúdo|artigo|documento|arquivo|ficheiro|vídeo|perfil|anúncio|vaga"
    rf"|imóvel|processo|registro|oferta|item|produto)\b{_GAP}"
    r"(?:não existe|não (?:foi |pôde ser )?encontrad[ao]|não está (?:mais )?disponível"
    r"|foi (?:removid[ao]|excluíd[ao]|apagad[ao]|encerrad[ao]|retirad[ao]|finalizad[ao]))"
    r"|página não encontrada|erro 404"
    # Polish
    rf"|\b(?:strona|artykuł|treść|ogłoszenie|oferta|produkt|plik|wątek|temat|post|zdjęcie"
    rf"|przedmiot|konto|materiał|wideo|transfer|link|wklejka|pytanie|odpowiedź|komentarz|wpis"
    rf"|wydarzenie|kurs|film|wiadomość)\b"
    rf"{_GAP}(?:nie istnieje"
    r"|nie został[ao]? znalezion[aey]|został[ao]? (?:usunięt|zakończon)[aey]"
    r"|jest (?:już )?nieaktualn[aey]|jest (?:już )?nieaktywn[aey]"
    r"|jest (?:już )?niedostępn[aey]|nie jest (?:już )?dostępn[aey]|wygasł[aoy]?)"
    r"|nie znaleziono (?:strony|dokumentu|artykułu|ogłoszenia|produktu)|błąd 404"
    r"|zakończył[ao]? (?:jego |jej )?publikację"
    # Ukrainian
    rf"|(?:сторінк[аиу]|статт[яі]|матеріал|документ|запис|відео|допис)\w*{_GAP}(?:не знайден[аоі]?"
    r"|(?:було )?вилучено"
    r"|не знайдено|не існує|видален[аоіе]?|недоступн[аоіе])|сторінку не знайдено|помилка 404"
    # Dutch, Czech, Slovak, Turkish, Swedish, Danish, Norwegian, Hungarian, Romanian,
    # Greek, Indonesian, Vietnamese, Korean, Japanese, Chinese: the set phrases
    rf"|pagina niet gevonden|pagina\b{_GAP}bestaat niet|niet meer (?:leverbaar|beschikbaar)"
    rf"|stránka nenalezena|stránka nebola nájdená|stránk[ay]\b{_GAP}(?:neexistuje|nebyla nalezena)"
    r"|(?:nebyl[ao]?|nebylo) nalezen[oa]?|neexistuje nebo byl[ao]? odstraněn"
    r"|sayfa bulunamadı|sayfa mevcut değil|sidan (?:kunde inte hittas|finns inte)"
    r"|siden (?:blev ikke fundet|findes ikke|finnes ikke|ble ikke funnet)"
    r"|(?:az )?oldal nem található|pagina nu a fost găsită|η σελίδα δεν βρέθηκε"
    r"|halaman tidak ditemukan|không tìm thấy trang"
    r"|페이지를 찾을 수 없습니다|페이지가 존재하지 않습니다|페이지를 찾을 수 없"
    r"|존재하지 않는 (?:게시물|페이지|글)|페이지를 사용할 수 없습니다"
    r"|(?:글|게시글|게시물)이 존재하지 않습니다|판매(?:가)? 종료된 상품"
    r"|삭제된 (?:기사|게시물|글|페이지|동영상)입니다|삭제되었거나 존재하지 않"
    r"|(?:ページ|記事|ファイル|コンテンツ|動画|写真|投稿|商品|アカウント|見出し語|項目)(?:が|は)?"
    r"(?:見つかりません|存在しません"
    r"|削除されました)|(?:商品|製品)(?:は|の)?販売(?:を|は)?終了(?:しました|いたしました)"
    r"|(?:职位|商品|视频|文章|内容|帖子)已(?:下线|下架)|(?:宝贝|商品)不存在"
    r"|(?:页面|网页|頁面|網頁|内容|文章|视频)(?:已经?|已被)?(?:不存在|被删除|删除|找不到|未找到"
    r"|无法找到|丢失)|(?:找不到|无法找到)(?:该|此|您要的)?(?:页面|网页)"
    r"|(?:账号|帐号|帳號|賬號|用户|用戶)(?:已经?|已被)?(?:注销|註銷|封禁|被封|不存在)"
    r"|已经?被\w{0,4}删除|已被\w{0,4}刪除|(?:视频|页面|内容|文章)不见了"
    # Greek, Hindi
    r"|δεν (?:είναι πλέον|είναι πια) διαθέσιμ\w*|(?:έχει|έχουν) (?:αφαιρεθεί|διαγραφεί)"
    r"|अब उपलब्ध नहीं है|हटा दिया गया है|पेज नहीं मिला|पृष्ठ नहीं मिला"
    r"|(?:लेख|पेज|पृष्ठ|खबर|समाचार|नौकरी|वीडियो|उत्पाद) उपलब्ध नहीं है"
    # Romanian, Norwegian, Danish, Swedish, Malay and Indonesian, Bengali, Hebrew
    rf"|\b(?:anunț|anunt|pagina|articol|conținut|job|ofert)\w*{_GAP}(?:a fost (?:dezactivat"
    r"|șters|sters|eliminat)\w*|a expirat|nu mai este disponibil\w*)"
    r"|(?:er|är) ikke (?:lenger|længere) (?:tilgjengelig|tilgængelig)"
    r"|är inte längre (?:tillgänglig|publicerad|aktiv)"
    r"|(?:har blitt|er blevet|har blivit) (?:fjernet|slettet|borttagen)|har tagits bort"
    r"|tidak lagi tersedia|telah (?:dipadam|dihapus|tamat tempoh)"
    r"|(?:kontot|sidan|annonsen|inlägget) har (?:stängts av|tagits bort|raderats)"
    # "… tidak ditemukan." ends its sentence; "tidak ditemukan ancaman" (no threat found)
    r"|tidak (?:dijumpai|ditemui|ditemukan)(?=\s*(?:[.!,;:)]|$))"
    r"|পাওয়া যায়নি|সরিয়ে নেওয়া হয়েছে"
    r"|הדף לא נמצא|הסיר את המודעה|המודעה הוסרה|אינו זמין עוד|אינה זמינה עוד"
    r"|(?:המוצר|הספר|הדף|המאמר) (?:אינו|אינה) זמי(?:ן|נה)"
    # Slovak, Slovenian, Finnish, Danish, Latvian, Estonian, Catalan, Galician, Afrikaans,
    # Swahili, Nepali, Mongolian, Portuguese, Spanish, Turkish, Korean: removed items
    r"|inzerát (?:už )?nie je aktívny|oglas ni več aktiven|ei ole enää saatavilla"
    r"|ikke længere (?:er )?aktiv\w*|vairs nav aktuāl\w*|kuulutus on aegunud"
    r"|(?:aquest|aquesta) (?:article|publicació|pàgina|anunci)\w* (?:ja )?no (?:està disponible"
    r"|existeix)|ja no està oberta|o tema solicitado non existe|nie (?:nou |meer )?beskikbaar nie"
    r"|halipatikani tena|म्याद सकिएको|борлуулалтаас хасагдсан"
    r"|(?:anúncio|oferta)\w* já expirou|no encontramos resultados para tu búsqueda"
    r"|(?:ürün|ilan)\w* satışta değil|için sonuç bulunamadı|서비스(?:가)? 종료된"
    # Croatian, Serbian, Latvian, Lithuanian, Estonian, Turkish, Arabic, Persian, Vietnamese
    r"|oglas je istekao|više nije aktiv\w+|(?:už|již) není v nabídce"
    r"|(?:обява|страница)\w*.{0,40}?не е намерена|(?:е|била) изтрита от автора"
    r"|yayından kaldır(?:ıl|dı)\w*|(?:хабарландыру|бет)\w* (?:енді )?белсенді емес"
    r"|жариялаудан алып тастады|(?:այլևս|այլեւս) հասանելի չէ"
    rf"|(?:мәтін|жазба|бет|пост|видео)\w*{_GAP}өшірілді"
    r"|sudah tidak diiklankan|menutup lowongan"
    r"|stranica nije pronađena|više nije dostup\w+|je uklonjen\w*"
    r"|ir dzēsts|nav atrasta|vairs nav pieejam\w+|puslapis nerastas|nebegalioja|ištrint\w+"
    r"|ei leitud|ei ole olemas|on kustutatud|pole enam saadaval"
    r"|(?:ürün|sayfa|içerik|haber|ilan|makale|belge|kayıt)\w*\s(?:\w+\s)?bulunamadı"
    r"|satıştan kaldırıl\w+|artık satışta değil"
    r"|artık mevcut değil|لم يعد متاح\w*|تمت إزالة|الصفحة غير موجودة|تم حذف"
    r"|دیگر در دسترس نیست|حذف شده|یافت نشد|پیدا نشد"
    r"|không tồn tại|đã bị (?:gỡ bỏ|xóa|xoá|ẩn)|không còn (?:tồn tại|trên hệ thống)"
    r"|(?:tin đăng|bài viết|tin)\s(?:này\s)?đã hết hạn"
    # Portuguese (repositories), Japanese, Urdu, Thai
    r"|não corresponde a nenhum (?:item|registro|documento)|取り下げられました"
    r"|お取り扱いしておりません|取り扱いを終了"
    r"|(?:الملف|الصفحة|المنتج|المقال|الفيديو|الحساب|المنشور)\s+(?:\w+\s+){0,2}غير موجود"
    r"|publicación finalizada"
    r"|اب دستیاب نہیں|ہٹا دیا گیا|ไม่เปิดให้จองแล้ว|ไม่พบหน้า|ถูกลบแล้ว"
    # Uzbek
    rf"|(?:video|sahifa|maqola|e'lon|eʼlon|e‘lon)\w*{_GAP}(?:o‘chirilgan|o'chirilgan"
    r"|oʻchirilgan|mavjud emas|topilmadi|faol emas)"
    r"|(?:e'lon|eʼlon|e‘lon)\w*\s(?:o[ʻ'‘]chirib|o[ʻ'‘]chirilgan)"
    # Hungarian, Icelandic, Japanese (an article past its publication period)
    r"|eltávolították|(?:már )?nem (?:elérhető|található)|törölték|kikerült a kínálat\w*"
    r"|(?:síðu|síðunni) hefur verið eytt|enginn texti er á þessari síðu|síða fannst ekki"
    r"|掲載(?:期間)?[がは]?終了(?:しました|いたしました|した)|公開を終了(?:しました|いたしました)"
    # Tamil, Bengali, Khmer
    r"|(?:பக்கம்|எபிசோடு|பதிவு|கட்டுரை|விளம்பரம்|பொருள்)\w*\s+கிடைக்கவில்லை"
    r"|நீக்கப்பட்டுள்ளது|நீக்கப்பட்டது"
    r"|(?:আর )?পাওয়া যাচ্ছে না|মুছে ফেলা হয়েছে"
    r"|រកមិនឃើញទំព័រ|បានផុតកំណត់|ត្រូវបានលុប"
    # Batches 32-36: removed ads and jobs, closed forms, removed videos and posts
    r"|(?:inmueble|propiedad|oferta|vacante|empleo|curso)\w*\s+ya no est[aá] disponible"
    r"|annonsen er (?:utløpt|fjernet|slettet)|(?:již|už) není aktuální"
    r"|обява(?:та)? е (?:изтекла|изтрита|премахната)"
    r"|(?:anzeige|inserat|angebot)\w*\s+(?:ist\s+)?nicht mehr online"
    r"|job is no longer advertised|no longer accepting (?:responses|applications)"
    r"|form is (?:now )?closed|ya no admite respuestas|n'accepte plus de réponses"
    r"|لم تعد متاح|غير متاح\S*\s+حالي"
    r"|limeisha muda wake|imeisha muda wake|halipatikani|haipatikani"
    r"|(?:видео|ролик|публикация|пост)\s+удален\w*(?!\w| с )|материал недоступен"
    r"|हटा दी गई है|हटा दिया गया है|निलंबित कर दिया गया"
    r"|已被屏蔽|分享已(?:被)?取消|が見つかりません|ہٹا دی گئی"
    # Batch 38: deleted journals, hidden records, blocked posts, in the region's languages
    r"|(?:журнал|блог|канал|аккаунт|профиль)\w*\s+удал[её]н|информация скрыта"
    r"|дигар дастрас нест|հեռացված է|əlçatan deyil"
    r"|(?:ta|ten|to)\s+\w+\s+nie jest już dostępn\w*"
    r"|(?:can't|cannot|can not) be displayed because it violated"
    # Batches 37 and 39: forum software, removed ads and products of Asia and Africa
    r"|invalid (?:thread|post|forum|user|member|topic) specified"
    r"|has not registered and therefore does not have a profile"
    r"|(?:annonce|offre|article|page|vidéo)\w*\s+n'est plus en ligne"
    r"|削除されています|削除されました|ከአሁን በኋላ አይገኝም"
    r"|لم تعد (?:\S+\s+){1,2}متاح|(?:الإعلان|الفيديو|المنشور|الصفحة)\s+غير (?:متوفر|متاح)"
    r"|판매가 종료된 상품|宝贝不存在|商品不存在|已下架|物件已關閉|已停止刊登"
    # Batch 40
    r"|вакансия (?:закрыта|снята)|(?:evento|entrada)\w*\s+ya no est[aá] disponible"
    r"|因违规无法查看|内容已(?:被)?删除"
    # Batches 41-42: a page's own word that it was blocked or withdrawn (not a report of
    # someone else's page being blocked: "this", or the notice opening its line)
    r"|(?m:^)(?:эта |данная )?(?:страница|сообщество|группа|аккаунт|канал)"
    r" (?:была )?заблокирован\w*|информация на этой странице недоступна"
    r"|\bbu (?:içeriğe|habere|sayfaya|yazıya|siteye) erişim\b[^\n]{0,160}?engellen\w*"
    r"|تم سحب (?:هذا|هذه)"
    # Record lookups and saved searches that now find nothing (a court's case card, a
    # parliament's bill, a classifieds search): the answer to the cited query is empty
    r"|\bno records? found(?=\s*(?:[.!]|$))|данных по (?:вашему )?запросу не найдено"
    r"|nema oglasa koji odgovaraju|לא נמצאו (?:כתבות|תוצאות|מודעות)"
    # Batches 43-46: removed postings, banned communities, suspended or terminated
    # accounts; expired, sold or withdrawn ads in Greek, Turkish, Arabic, Chinese,
    # Spanish; Belarusian and Kyrgyz articles removed or hidden on an authority's demand
    r"|this (?:community|subreddit|group) (?:has been|was) banned"
    r"|(?:post|tweet) is from a suspended account|this account has been terminated"
    r"|(?:αγγελία|σελίδα|προϊόν|άρθρο|ανάρτηση)\w*\s+(?:\w+\s+)?(?:δεν είναι (?:πλέον )?"
    r"(?:διαθέσιμ|ενεργ)\w+|δεν βρέθηκε|(?:έχει )?(?:διαγραφεί|αφαιρεθεί|λήξει|απενεργοποιήθηκε))"
    r"|bu (?:ilanı|sayfayı|içeriği|gönderiyi) (?:artık )?görüntüleyemiyorsunuz"
    r"|انتهت صلاحية (?:هذا|هذه)|(?:该|此)[\u4e00-\u9fff]{1,4}已下架"
    r"|(?:anuncio|inmueble|oferta)\w*\s+(?:ya no está publicad[ao]"
    r"|(?:fue |ha sido )?dad[ao] de baja)|el anunciante (?:lo|la) (?:dio|ha dado) de baja"
    r"|(?:матэрыял|артыкул|старонка|допіс)\w*\s+(?:быў\s+|была\s+)?выдален\w*"
    r"|старонка не знойдзена|бул (?:макала|материал|бет)[^.\n]{0,200}?жеткиликсиз"
    # Batches 47-50: Dutch, Japanese, Turkish, Romanian, Russian, Portuguese
    r"|(?:verkopen|leveren) we niet meer|(?:記事|ページ|投稿|動画)は削除されたか"
    r"|böyle bir (?:entry|sayfa|kullanıcı|başlık|ilan|içerik) yok"
    r"|(?:produsul|pagina|articolul|anunțul|anuntul)\w*\s+nu a fost găsit"
    r"|(?:данный|этот) (?:материал|пост|контент|профиль|ресурс) заблокирован"
    r"|nenhum anúncio encontrado"
    # Batches 51-54: a case card, a lot, an event, a post found in violation, Thai, Spanish
    r"|(?:информация|сведения|данные|данных) по (?:делу|запросу|вашему запросу) не"
    r" (?:найден|обнаружен)\w*"
    r"|this (?:lot|auction) has been withdrawn|this event has ended"
    r"|(?:post|story) is under investigation or was found in violation"
    r"|ประกาศ(?:นี้)?ถูกปิดแล้ว"
    r"|no encontramos (?:vacantes|anuncios|empleos|productos|ofertas) con tu búsqueda"
    # Batches 55-58: Swedish, Russian, Ukrainian
    r"|du söker finns inte (?:längre|kvar)"  # "(the record) you look for is no longer"
    r"|(?:этот|данный) (?:канал|аккаунт|профиль|пост|материал) недоступен"
    r"|ваканс\w+ закрит\w*"
    # Batches 59-64: Ukrainian, Russian, Thai, Japanese, Hindi, Indonesian, Hebrew, and
    # the markers of forums and repositories
    r"|ваканс\w+ (?:більше|больше) не актуальн\w*"
    r"|ประกาศ(?:นี้)?(?:ไม่มีอยู่|ถูกลบ)|ที่พักนี้ไม่เปิดให้จอง"
    r"|お探しの\w{1,12}は見つかりませんでした"
    r"|यह खाता (?:\S+ ){0,3}रोक दिया गया है"
    r"|(?:tautan|link)(?: berbagi)? ini (?:sudah |telah )?kedaluwarsa"
    r"|ה\S+ (?:הזה|הזאת|הזו) (?:אינו|אינה) זמינ?ה?"
    r"|(?:topic|post) withdrawn by (?:its )?author|\[(?:deleted|removed) by (?:user|author)\]"
    r"|(?:این )?(?:مطلب|خبر|صفحه|پست) (?:\S+ ){0,5}از دسترس خارج شده"
    r"|این (?:تصویر|فایل|لینک|آگهی) (?:\S+ ){0,2}(?:منقضی شده|به پایان رسیده)"
    r"|찾으시는 \S+(?:가|이) 없거나|비활성화되었(?:어요|습니다)"
    r"|this (?:posting|job|vacancy|position|listing|offer|competition|giveaway|contest|survey"
    r"|poll) (?:has|is) (?:now )?closed"
    r"|(?:ilan\w*|yayın) süresi dol(?:muştur|du)"
    r"|(?:数据集|数据|资源|信息)?已于[^。，]{0,20}?下线|(?:数据集|数据|资源)已下线"
    r"|(?:הכתבה|הידיעה|המאמר|הפוסט|הדף) הוסר(?:ה)?|(?:მასალა|სტატია|გვერდი|პოსტი) წაშლილია"
    r"|bu (?:içerik|haber)\S* (?:\S+ ){0,12}erişime (?:kapatılmıştır|engellenmiştir)"
    r"|security holding package"
    # Batches 71-75
    r"|(?:cette|this|esta|este|dieses|diese) (?:vidéo|video|vídeo|compte|account|cuenta|conta"
    r"|konto) (?:est|is|es|ist|é) (?:privée?|private|privad[ao]|privat)\b"
    r"|삭제된 (?:이미지|파일|사진|앨범)입니다|공유 기간이 (?:끝난|만료된)"
    r"|게시 기간이 (?:종료|만료)된"
    r"|انتهت فترة التقديم|el anunciante lo ha (?:retirado|eliminado|borrado)"
    r"|prodej (?:byl )?(?:skončil|ukončen)|掲載を終了(?:しております|しました|いたしました)"
    r"|возможно, (?:она|он|оно) (?:был[аио]? )?удален"
    r"|(?:职位|岗位)已(?:关闭|停止招聘)"
    # Batches 77-82
    r"|tin đăng (?:này )?đã (?:bị ẩn|hết hạn|bị xóa)(?: hoặc (?:đã )?(?:bị ẩn|hết hạn|bị xóa))?"
    r"|bewerbungsfrist (?:für diese stelle )?ist abgelaufen"
    r"|esta convocatoria ha (?:concluido|finalizado)|элемент не найден"
    r"|yayın süresi (?:dol(?:muştur|du)|sona er(?:miştir|di))|(?:该|此)信息已(?:被)?(?:删除|过期)"
    # Batches 83-88
    r"|(?:nabídka|inzerát|stránka|článek|položka|pozice)\w{0,3} (?:již|už) není (?:aktivní"
    r"|dostupn[áéý]|k dispozici|platn[áéý])|판매가? 종료된 (?:숙소|상품|객실)"
    r"|(?:is|are) no longer (?:taking|accepting) (?:bookings|reservations|orders|applications)"
    r"|this event has been cancell?ed|(?:has|have) been removed from this page"
    r"|this page has (?:been )?moved|(?:is|are) not available in your (?:country|region|location)"
    r"|(?:この)?(?:ビデオ|動画|投稿)は非公開(?:です|に設定されています)|このページは移転しました"
    r"|видео (?:недоступно|заблокировано)(?=[.!\n]|$| (?:автором|владельцем|по ))"
    r"|по требованию правообладателя"
    r"|n'est pas disponible dans votre (?:pays|région)"
    r"|(?:questo|quest') ?(?:membro|utente|account|profilo) non è più attivo"
    r"|(?:questo|questa|il|la) (?:trasferimento|link|file|annuncio|offerta|inserzione) è scadut[ao]"
    # a court's decision cited in between ("İzmir 4. Sulh Ceza Hakimliği'nin … kararı")
    r"|\bbu (?:haber|içeri[kğ]|sayfa|yazı)\w*[^\n]{0,160}?erişime? engellenmiştir"
    # Batches 89-94
    r"|ประกาศนี้หมดอายุแล้ว|本公演は中止となりました|unsere webseiten sind umgezogen"
    r"|les (?:documents|fichiers|pièces) ne sont plus disponibles"
    rf"|\b(?:la |esta )?exposici[oó]n\b{_GAP}ya no está disponible"
    r"|матэрыял зняты з публікацыі|(?:conteúdo|artigo|matéria|notícia) removid[ao] por "
    r"(?:determinação|decisão|ordem) judicial|(?:该|此)(?:稿件|文章|新闻)已(?:撤稿|删除|撤回)"
    r"|nicht mehr öffentlich einsehbar|this (?:gist|paste|snippet) has been (?:disabled|removed)"
    r"|(?:deze|de) (?:opleiding|cursus|dienst) wordt niet meer aangeboden"
    # Batches 95-100
    r"|bu məhsul artıq (?:kataloqda yoxdur|satışda deyil)|bu modelin satışını dayandırıb"
    r"|(?:सूचीबाट|वेबसाइटबाट) हटाइएको छ"
    r"|මෙම (?:පුවත|ලිපිය) ඉවත් කර ඇත|(?:овај|ovaj) (?:скуп података|skup podataka) (?:је|je) "
    r"(?:повучен|povučen)|(?:dela|delnings)?länken har gått ut"
    r"|the seller has closed this advert|this (?:advert|ad|listing) (?:is|has been) closed\b"
    r"|this (?:vehicle|car|property|item) has been sold(?: and is no longer available)?"
    r"|dio de baja (?:esta|la) publicación|táto ponuka(?: práce)? už nie je aktuálna"
    r"|роботодавець більше не шукає кандидатів|работодатель больше не ищет кандидатов"
    r"|(?:هذا )?(?:المطعم|المحل|المتجر) مغلق نهائي|판매(?:가)? 중지된 (?:상품|앱)"
    r"|この(?:公演|イベント)は終了しました|(?:此|該|该)商品已結標"
    r"|(?:यह|ये) खाता (?:बंद|निलंबित) कर दिया गया"
    r"|документ перемещ[её]н в (?:раздел|архив)|(?:цей|даний) (?:елемент|запис) (?:було )?вилучено"
    r"|(?:il|questo) (?:bando|concorso|avviso) è scaduto|(?:este|esse) conteúdo foi migrado para"
    r"|기간이 종료된 (?:입법예고|공고)"
    r"|acest (?:articol|material) a fost (?:retras|șters|eliminat)|^articol retras$"
    r"|(?:матеріал|статтю|новину) знято з публікації|материал снят с публикации"
    r"|^карточка (?:скрыта|удалена)$|(?:ин )?мавод (?:аз сомона )?бардошта шуд"
    # Batches 101-106
    r"|මෙම දැන්වීම (?:කල් ඉකුත් වී|ඉවත් කර) ඇත|müəllif tərəfindən silinib"
    r"|video artıq mövcud deyil|dieser beitrag wurde (?:von der moderation )?entfernt"
    r"|(?:το )?άρθρο (?:αυτό )?αφαιρέθηκε|(?:questo|il) (?:ristorante|hotel|locale) non è più"
    r" disponibile|(?:该|此)(?:酒店|商品|房源|职位)已下线|file yang anda minta tidak ada"
    r"|this (?:title|item) has been withdrawn from|dataset ha sido retirad[ao]"
    r"|(?:deze )?(?:informatie|pagina) is verhuisd|bu (?:video|haber|içerik) artık yayında değil"
    r"|삭제된 기사(?:이거나|입니다)"
    # Batches 107-112
    r"|this (?:shop|store|seller) is not active anymore|այս գրառումը հեռացվել է"
    r"|(?:este|esse) (?:evento|anúncio|produto|imóvel) não está mais disponível"
    r"|මෙම දැන්වීම තවදුරටත් ලබා ගත නොහැක|artıq saytımızda mövcud deyil"
    r"|(?:ovaj|овај) (?:artikal|proizvod|артикал|производ) (?:više nije|више није) u ponudi"
    r"|annoncen er (?:udløbet|fjernet|slettet)|(?:це|цей) (?:відео|допис|запис) більше недоступн"
    r"|сайттан алынып тасталды|^материал қолжетімсіз$|dieser beitrag wurde[^.\n]{0,80}? entfernt"
    r"|(?:este|esta) (?:restaurante|auto|coche|carro) ya (?:no está disponible|fue vendido)"
    r"|(?:цей|этот) автомобіль (?:уже )?продано|งานนี้(?:จบไปแล้ว|ถูกยกเลิกแล้ว)"
    r"|영업을 종료한 매장입니다|この(?:物件|求人|商品)の掲載は終了しました"
    r"|この動画の配信(?:期間)?は終了しました|(?:this|the) playlist does not exist"
    r"|this (?:subreddit|subthread|community|group) (?:was|has been) banned"
    r"|это сообщество заблокировано|^hesap yasaklandı$|bu hesap[^.\n]{0,80}? yasaklandı"
    r"|has been withdrawn by order of the court|este conjunto de dados foi removido"
    r"|(?:il contenuto del presente articolo|questo articolo) è stato rimosso|^articolo rimosso$"
    # Batches 179-190
    r"|não foi possível encontrar (?:esta|essa) (?:conta|página|publicação)"
    # closed and removed; closed alone, a petition or a fundraiser still shows its text
    r"|(?:petition|campaign|fundraiser) (?:has been|is|was) closed and removed"
    r"|wydarzenie (?:zostało )?odwołane"
    r"|voimassaoloaika on päättynyt|dokumentum már nem érhető el"
    # Batches 191-196
    r"|(?:this|the) (?:vehicle|car|boat|bike|property) has (?:now )?been sold"
    r"|(?:periodo di )?pubblicazione (?:di questo atto |dell'atto )?(?:all'albo(?: pretorio)? )?"
    r"è terminat[ao]"
    r"|je zaključen in ni več na voljo|(?:אינם|אינו|אינה|אינן) זמינ\w* עוד"
    r"|(?:ce|cet|cette) (?:compte|profil|utilisateur|vidéo|publication|contenu)"
    r" n'est plus disponible"
    # Batches 203-238: Dutch, Greek, Finnish, Slovak and Czech removals, German "no longer
    # in our catalogue", Bengali, Korean and Maori notices
    rf"|\b(?:pagina|artikel|bericht|onderwerp|advertentie|product|video|document|evenement"
    rf"|topic|vacature|woning|reactie|vraag)\b{_GAP}\b(?:is|werd)\b{_GAP}\b(?:verwijderd"
    r"|offline gehaald|ingetrokken)"
    r"|(?:κείμενο|άρθρο|ανάρτηση|σελίδα|αγγελία|βίντεο|θέμα|εκδήλωση)\w*\s+(?:\w+\s+)?"
    r"(?:αποσύρθηκε|διαγράφηκε|αφαιρέθηκε|καταργήθηκε)"
    r"|\w*(?:sivu|artikkeli|ilmoitus|tuote|video|julkaisu|pyyntö|viesti|aihe|tapahtuma|kurssi"
    r"|asiakirja|aineisto)\s+on\s+(?:poistettu|peruttu)"
    r"|(?:dokument|materiál|článok|článek|inzerát|oznámeni|stránka|príspevok|příspěvek|video"
    r"|zákazk)\w{0,3}\s+(?:\w+\s+)?(?:bol[ao]?|byl[ao]?)\s+(?:odstránen|zmazan|stiahnut|zvesen"
    r"|zrušen|odstraněn|smazán|stažen)\w*"
    r"|(?:entry|başlık|ilan|sayfa|içerik|gönderi|yazı|haber)\S*\s+(?:\S+\s+)?silin(?:miş|di)\w*"
    r"|nicht mehr in unserem (?:verzeichnis|katalog|angebot|sortiment)"
    r"|(?:has|have) been sold or removed|no longer available for adoption"
    r"|(?:this )?(?:location|store|shop|branch|restaurant|business|venue|office) (?:has|is)"
    r" (?:now )?permanently closed|(?:could not|couldn't|can't|cannot) find this"
    r" (?:account|user|profile|channel)"
    # a job filled: English, French, German, Spanish, Portuguese, Italian, Dutch
    r"|this (?:position|job|vacancy|role) has (?:now )?been filled|(?:ce|le) poste a été pourvu"
    r"|diese stelle (?:ist|wurde) (?:bereits )?besetzt"
    r"|(?:esta|la) vacante (?:ya )?(?:ha sido|fue) cubierta|(?:esta|a) vaga (?:já )?foi preenchida"
    r"|(?:questa|la) posizione è stata (?:già )?coperta|deze vacature is (?:al )?vervuld"
    r"|আর উপলব্ধ নেই|거래(?:가)? 완료된 매물|kua mukua tēnei \w+"
    # Batches 239-244: a Croatian flat sold, a Finnish survey and a Slovak selection ended
    r"|\b(?:nekretnina|stan|kuća|vozilo|automobil|oglas|artikal|predmet)\w* je (?:prodan|prodat)\w*"
    r"|(?:kysely|keräys|kampanja|kilpailu|ilmoittautuminen|kierros)\w* on (?:päättynyt|suljettu)"
    r"|(?:výberové konanie|konanie|ponuka|inzerát|zbierka)\w* (?:bol[ao]? )?ukončen\w*"
    rf"|{_CANCELLED_LINE}"
)
# A server's default page or a registrar's parking page where the site used to be.
_PLACEHOLDER = (
    r"welcome to nginx|nginx web server is successfully installed|it works!"
    r"|apache2? (?:ubuntu |debian |centos |http server )?(?:default|test) page"
    r"|test page for the (?:apache|nginx)|iis windows server|internet information services"
    r"|this is the default (?:web )?(?:page|site) for this (?:server|domain|site)"
    r"|future home of something quite cool"
    r"|(?:this|the) domain(?: name)?(?: [\w.-]+)? (?:may be|is|might be) for sale|buy this domain"
    r"|this domain (?:name )?(?:has expired|is parked)|domain (?:name )?(?:has )?expired"
    r"|parked (?:free|domain|by)\b|diese domain (?:steht zum verkauf|kaufen|ist geparkt)"
    r"|ce (?:nom de )?domaine (?:est à vendre|a expiré)|este dominio (?:está en venta"
    r"|ha caducado|ha expirado)|домен (?:продается|продаётся|истёк)"
)
# Too common to count inside a sentence; they count when they are most of a line.
_WEAK = (
    r"not found|nicht gefunden|introuvable|no encontrad[ao]|не найден[ао]?|не знайдено|404"
    r"|oops|ops|oups|whoops|no longer available|page unavailable|nothing here"
    r"|(?:video|content|post|tweet|profile|account|listing|article|item|record|document"
    r"|judgment|dataset) (?:unavailable|not available|removed|deleted|suspended|withdrawn)"
    r"|withdrawn|(?:document|article|contenu|page) (?:supprimée?|retirée?)|取り下げ"
    # an empty result list where a page was cited
    r"|no results?(?: found)?|aucun résultat|keine (?:ergebnisse|treffer)(?: gefunden)?"
    r"|sin resultados|no se encontraron resultados|ничего не найдено|нічого не знайдено"
    r"|keine (?:produkte|artikel|einträge) gefunden|no records? found|no matching records?"
    r"|there are no products(?: listed)?|no products (?:found|listed)"
    r"|(?:informe|documento|publicación|artículo) (?:retirad|eliminad)[ao]"
    r"|nessun risultato|nenhum resultado(?: encontrado)?|brak wyników"
    # a closed consultation or call whose documents are gone
    r"|(?:this )?(?:public )?(?:comment|consultation) period has (?:closed|ended)"
    r"|(?:cet |cette )?(?:appel à projets|consultation) est (?:clos|close|terminée?)"
    r"|(?:deze )?inspraakperiode is gesloten|proceso selectivo (?:finalizado|concluido)"
)
_STRONG_RE = re.compile(_STRONG)
# Messages of wikis and storage services, said in no other way than by the software.
_SET_PHRASE_RE = re.compile(
    r"there is currently no text in this page|(?:does not|doesn't) have an? (?:article|page"
    r"|entry) with this (?:exact )?(?:name|title)|nosuchkey|nosuchbucket|blobnotfound"
    r"|nie ma jeszcze artykułu o tym tytule"
)
_ANY_RE = re.compile(f"{_STRONG}|{_WEAK}|{_PLACEHOLDER}")
_PLACEHOLDER_RE = re.compile(_PLACEHOLDER)
# A title that is only a thing and its being unavailable ("Annonce indisponible",
# "Fahrzeug nicht verfügbar", "Oferta não disponível", "Video unavailable", "इवेंट समाप्त"):
# an item's page titles itself with the item's name, so the title says it is gone.
# Too weak for a line of text, where "Indisponible" is an out-of-stock product's status.
_UNAVAILABLE_TITLE = re.compile(
    r"(?:\S+ ){1,2}(?:(?:is |ist )?(?:un|not |no longer )available|indisponible|no disponible"
    r"|não disponível|indisponível|nicht (?:mehr )?verfügbar|non (?:più )?disponibile"
    r"|niet (?:meer )?beschikbaar|niedostępn\w+|недоступн\w+|समाप्त"
    r"|supprimée?|retirée?|expirée?|eliminad[ao]|caducad[ao]|abgelaufen|gelöscht)"
)
# Pages that talk *about* HTTP errors (documentation, articles) rather than being one.
_ABOUT_HTTP = re.compile(
    r"status code|response code|http status|client error response|statuscode"
    r"|código de estado|code d'état|code de statut|код (?:состояния|ответа)"
    r"|código de status|código http|kod odpowiedzi|stavový kód|ステータスコード|状态码|狀態碼"
    r"|رمز (?:ال)?استجابة|رمز الحالة"
    r"|상태 코드"
    # a server's configuration: nginx's error_page and try_files, Apache's ErrorDocument
    r"|error_page\s+40\d|errordocument\s+40\d|try_files\s"
    # a raw status line pasted from curl or a log: "HTTP/1.1 404 Not Found"
    r"|\bhttp/[12](?:\.[01])? [1-5]\d\d\b"
)
# Parts of "Page title | Site name"; not the colon, which joins a title to its subtitle.
# Chinese and Japanese titles join their parts with a bare "-" or "_": 该职位已下线-海西人才网.
_TITLE_SPLIT = re.compile(
    r"\s+[|–—·•»«-]\s+|\s*[|–—·•»«｜]\s*"
    r"|(?<=[\u3040-\u30ff\u3400-\u9fff])[-_](?=[\u3040-\u30ff\u3400-\u9fff])"
)
_ALNUM = re.compile(r"\w")

_ERROR_SEGMENT = re.compile(
    r"(?:404|410|http-?404|not[-_]?found|page[-_]?not[-_]?found|pagenotfound|error[-_]?404"
    r"|error|fehler|erreur|introuvable|oops|nicht[-_]gefunden"
    r"|no[-_]encontrad[ao]|page[-_]?introuvable|seite[-_]?nicht[-_]?gefunden"
    r"|suspended(?:[-_]?page)?|account[-_]?suspended)"
    r"(?:\.(?:html?|php|aspx?|jsp|cgi))?"
)
_ERROR_QUERY = re.compile(
    r"(?:^|&)(?:(?:aspxerrorpath|errorpath)=|(?:error|err|status|code)=(?:404|410|not[-_]?found)"
    # a site saying why it sent the visitor on: ?source=listing_unavailable
    r"|\w+=(?:[\w-]*[-_])?(?:unavailable|not[-_]?found|removed|expired|deleted)(?:&|$)"
    # or naming the item it could not show: ?expired=2000301944, ?kaldirilan=1176650934
    r"|(?:expired|removed|deleted|unavailable|kaldirilan|silinen|abgelaufen|expirado)=\w)"
)
_HOME_PATH = re.compile(
    r"/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:(?:index|default|home|start|accueil|inicio)"
    r"(?:\.(?:html?|php|aspx?|jsp))?)?/?"
)


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _is_home(url: str) -> bool:
    return bool(_HOME_PATH.fullmatch(urlsplit(url).path.lower()))


def _error_path(url: str) -> str | None:
    parts = urlsplit(url)
    segments = [s for s in parts.path.lower().split("/") if s]
    if any(_ERROR_SEGMENT.fullmatch(s) for s in segments):
        return parts.path
    if parts.query and _ERROR_QUERY.search(parts.query.lower()):
        return f"{parts.path}?{parts.query}"
    return None


def redirect_reason(capture: Capture) -> str | None:
    """Soft-404 evidence from where the redirects ended, or None."""
    if len(capture.hops) < 2:
        return None
    where = _landing_place(capture.url, capture.final_url)
    return f"redirected to {where}" if where else None


def listing_reason(capture: Capture, readable: Readable | None) -> str | None:
    """Soft-404 evidence from a redirect that took an item to a listing of its kind.

    The listing keeps a word or two of the item's address and drops the rest of its slug
    (one mountain bike, /d/anuncio/bicicleta-montana-scott-scale-talla-m-ID16wQ0e.html, sent to
    /deporte-y-ocio/bicicletas/montana/valencia/); its title names few of the item's
    words. A page that moved keeps its identifier, sits below the cited address (a post's
    anchor) or is titled with the words its slug was made from.
    """
    pair = _left_behind(capture, readable)
    if pair is None or readable is None:
        return None
    start, end = pair
    start_path, end_path = unquote(urlsplit(start).path), unquote(urlsplit(end).path)
    if end_path.startswith(start_path.rstrip("/")):
        return None
    start_segments, end_segments = _segments(start_path), _segments(end_path)
    item = _segment_words(start_segments[-1]) if start_segments else frozenset()
    if _unrelated_listing(start, end, start_segments, end_segments, readable) or _facets_of(
        start_segments, end_segments
    ):
        return f"redirected to a listing of its kind ({_quote(end_path)})"
    # The item's number is gone from where it landed (shared numbers returned above):
    # then two slug words are enough to name it (/186001237/skoda-fabia…), and the
    # listing may repeat one of them (/auto/skoda/) or be named as long.
    numbered = bool(_IDENTIFIER_TOKEN.search(start_path))
    if len(item) < 2 or (len(item) == 2 and not numbered):
        return None
    cited = {w for segment in start_segments for w in _segment_words(segment)}
    end_words = {w for segment in end_segments for w in _segment_words(segment)}
    end_words |= {w for _, v in parse_qsl(urlsplit(end).query) for w in _segment_words(v)}
    last = _segment_words(end_segments[-1]) if end_segments else frozenset()
    named, longer = 2 * len(last & item), len(last) - len(item)
    if not _names_any(frozenset(cited), " ".join(end_words)) or named > len(item) or longer > 0:
        return None
    if not numbered and (named == len(item) or longer == 0):
        return None
    titled = 3 * _named_count(item, _fold(readable.title)) > 2 * len(item)
    if titled and not _COUNTED.search(readable.title.casefold()):
        return None  # titled with its slug's words: the item itself, renamed
    return f"redirected to a listing of its kind ({_quote(end_path)})"


# MediaWiki's "redirectedfrom" line, under the heading of the page a redirect led to
_REDIRECTED_FROM = re.compile(
    r"^\((?:redirected from|weitergeleitet von|redirigé depuis|redirigido desde"
    r"|reindirizzamento da|redirecionado de|doorverwezen vanaf|przekierowano z"
    r"|перенаправлено с|перенаправлено з|yönlendirildi|přesměrováno z|omdirigerad från) (.+)\)$",
    re.MULTILINE,
)
# A wiki's main page, or a list a single article was merged into
_WIKI_LANDING = re.compile(
    r"main page|main_page|hauptseite|accueil|portada|pagina principale|página principal"
    r"|hoofdpagina|strona główna|заглавная страница|головна сторінка|ana sayfa|hlavní strana"
    r"|huvudsida|(?:list of|lists of|liste der|liste des|lista de|lista di|lijst van|список)\b.*"
)


def wiki_redirect_reason(readable: Readable | None) -> str | None:
    """Soft-404 evidence from a wiki page turned into a redirect to its main page or a list.

    MediaWiki serves the target in place, at the cited address, under "(Redirected from
    Oral history kit 2015)". A renamed article is the same article under its new title; a
    page sent to the main page, or merged into a list where it is a row, is gone.
    """
    found = _REDIRECTED_FROM.search(readable.text.casefold()) if readable else None
    if readable is None or not found or _WIKI_LANDING.fullmatch(found.group(1).strip()):
        return None  # "Main page" sent to "Main Page", a list renamed: the same page
    for part in _title_parts(readable.title)[:2]:
        if _WIKI_LANDING.fullmatch(part.strip().casefold()):
            return f"a wiki redirect to “{_quote(part.strip())}” served at its address"
    return None


def _left_behind(capture: Capture, readable: Readable | None) -> tuple[str, str] | None:
    """The cited and final address of a redirect on the same host that dropped the item's
    identifier, the shape every "sent elsewhere" check starts from (a kept identifier is
    a move)."""
    if len(capture.hops) < 2 or readable is None:
        return None
    start, end = capture.url, capture.final_url
    if _host(start) != _host(end) or _kept_identifier(start, end):
        return None
    return start, end


def elsewhere_reason(capture: Capture, readable: Readable | None) -> str | None:
    """Soft-404 evidence from a redirect out of the item's folder to a page naming nothing of it.

    A past exhibition (/exhibitions/shipwrecks-of-the-south-coast) sent to /whats-on, a
    retired service (/en/service/e4b1a-how-to-get-the-2022-electricity-credit/) to its
    department's page, an article (/a/31712045.html) to its section (/z/360): no deeper,
    in another folder, no word of the item's address in the landing's address or title;
    shallower, or its number gone. A page that moved keeps its slug, its number or its
    title.
    """
    pair = _left_behind(capture, readable)
    if pair is None or readable is None or _shared_words(*pair):
        return None
    start, end = pair
    deep, shallow = _path_segments(start), _path_segments(end)
    if len(deep) < 2 or not shallow or len(shallow) > len(deep) or deep[:-1] == shallow[:-1]:
        return None
    dropped = _drops_number(start, end)
    if len(shallow) == len(deep) and not dropped:
        return None  # a folder renamed beside it (/docs/setup-guide to /guide/installing)
    item, _ = _item_slug(start)
    if item:
        if len(item) < 2 or _names_any(item, _fold(readable.title)):
            return None
    elif not dropped or any(_segment_words(s) for s in shallow):
        return None
    where = _quote(urlsplit(end).path)
    return f"redirected to a page in another folder that names nothing of it ({where})"


def counted_listing_reason(capture: Capture, readable: Readable | None) -> str | None:
    """Soft-404 evidence from a redirect that took an item to a page counting what it lists.

    A withdrawn kitchen knife set (/jogo-de-facas-churrasco-8-pecas-gaucha/p) sent to
    /cozinha, "412 produtos"; a removed bike ad sent to "Mountain Bikes for sale in
    Manchester, 1,284 ads". A listing counts its items in its title or its first lines;
    an item that moved does not. Where the item's number survived the redirect, or the
    landing's title names most of the item's words, it is the item itself, moved.
    """
    pair = _left_behind(capture, readable)
    if pair is None or readable is None:
        return None
    start, end = pair
    start_path, end_path = unquote(urlsplit(start).path), unquote(urlsplit(end).path)
    if end_path.startswith(start_path.rstrip("/")) or _is_home(start):
        return None
    if _listing_path(start) or _is_search(start) or _COUNTED.search(start_path.casefold()):
        return None
    opening = " ".join(readable.text.split(None, COUNT_LEAD_WORDS)[:COUNT_LEAD_WORDS])
    counted = _COUNTED.search(readable.title.casefold()) or _COUNTED.search(opening.casefold())
    if not counted:
        return None
    if not _drops_number(start, end):
        item, _ = _item_slug(start)
        if len(item) < 2 or 2 * _named_count(item, _fold(readable.title)) > len(item):
            return None
    return f"redirected to a listing (“{_quote(counted.group(0).strip())}”)"


def _facets_of(start_segments: list[str], end_segments: list[str]) -> bool:
    """A numbered item sent to its folder's listing narrowed by its own words, one word a
    level: /autos/usados/toyota-corolla-xei-2019-cvt-48213 to /autos/usados/toyota/corolla.
    A moved item keeps its name in one segment; a listing spells its filters as folders.
    (The caller has made sure the item's number is gone.)"""
    shared = 0
    for a, b in zip(start_segments, end_segments, strict=False):
        if a != b:
            break
        shared += 1
    if shared == 0 or shared != len(start_segments) - 1:
        return False
    facets = end_segments[shared:]
    item = _segment_words(start_segments[-1])
    if len(facets) < 2 or not _IDENTIFIER_TOKEN.search(start_segments[-1]):
        return False
    return all(len(_segment_words(f)) == 1 and _segment_words(f) <= item for f in facets)


def _unrelated_listing(
    start: str, end: str, start_segments: list[str], end_segments: list[str], readable: Readable
) -> bool:
    """A numbered item sent, at most as deep, to a page that names nothing of it.

    A shop's withdrawn coffee machine (/ua/kavomashyna-vellano-aroma-classic/p214470903/)
    sent to /ua/coffee_machines/c80164/, a rental ad (/item/8fk2m1pq) to
    /realestate/rent?city=4000: the item's number is gone, no word of its address is
    left, and the place it landed is named in two words at most, as listings are (a
    moved article keeps a slug of its own). The redirect keeps the caller's guarantees
    (same host, identifier not kept).
    """
    if not start_segments or not end_segments or len(end_segments) > len(start_segments):
        return False
    if not _drops_number(start, end):
        return False
    item, _ = _item_slug(start)
    in_item_folder = any(s in _ITEM_FOLDERS for s in start_segments[:-1])
    if len(item) < 2 and not in_item_folder:
        return False
    cited = frozenset(w for segment in start_segments for w in _segment_words(segment))
    landed = [_segment_words(segment) for segment in end_segments]
    if _names_any(cited, " ".join(w for words in landed for w in words)):
        return False
    # Without words to look for in its title, a listing shows itself by its filters
    # (?city=4000); /p/12345 sent to /products/blue-widget may have moved.
    if len(landed[-1]) > 2 or not (item or urlsplit(end).query):
        return False
    # a title naming more than half of the item's words: the item, renamed
    return 2 * _named_count(item, _fold(readable.title)) <= len(item)


# A title counting what it lists ("PH en alquiler en Villa Crespo - 4 avisos"): a
# listing, whatever words of the item it repeats.
_COUNTED = re.compile(
    r"(?<![\d.,])[1-9][\d\s.,]*\s(?:de\s)?(?:avisos|anuncios|anúncios|annonces|ads|listings"
    r"|results|resultados|résultats|ergebnisse|anzeigen|angebote|properties|propiedades|imóveis"
    r"|offers|ofertas|offres|jobs|empleos|vagas|emplois|stellen|products|productos|produtos"
    r"|produits|prodotti|produkte|produkty|produktów|items|articoli|annunci|objects|homes|cars"
    r"|vehicles|hotels|events|eventos|événements|veranstaltungen|viviendas|pisos|casas|家酒店"
    r"|объявлени\w*|товар\w*"
    r"|ваканс[иі]\w*|предложени\w*|оголошен\w*|oferte"
    r"|anunțuri|ilan|ogłosze\w*|ofert|inzerát\w*|nabíd\w+|advertenties|resultaten|woningen|sonuç"
    r"|عقار\w*|شق[ةق]|إعلان\w*|منتج\w*|نتيجة|نتائج|sản phẩm|tin đăng|kết quả|件)(?!\w)"
)
COUNT_LEAD_WORDS = 60  # a listing's count sits under its heading, after the menus
_IDENTIFIER_TOKEN = re.compile(r"[^\W_]*\d[^\W_]*")
ITEM_ID_CHARS = 5  # an item's own number; a shorter one may name a model (Peugeot 308)


def _kept_identifier(start: str, end: str) -> bool:
    """Whether a redirect kept the cited item's identifier: it moved. A short number
    shared while the item's long one was dropped names a model or a year the listing
    shares (/anuncio/peugeot-308-sw-…-ID8MqT7w.html sent to /carros/peugeot/308)."""
    cited, landed = _identifiers(start), _identifiers(end)
    shared = cited & landed
    if any(len(t) >= ITEM_ID_CHARS for t in shared):
        return True
    dropped = any(len(t) >= ITEM_ID_CHARS for t in cited - landed)
    return bool(shared) and not dropped


def _drops_number(start: str, end: str) -> bool:
    """Whether the cited address has an item's own number that the landing lacks."""
    return any(len(t) >= ITEM_ID_CHARS for t in _identifiers(start) - _identifiers(end))


def _identifiers(url: str) -> set[str]:
    """Tokens with a digit in a URL's path and query (22817, a-8f31c2's 8f31c2, ID7GqW2m)."""
    parts = urlsplit(url)
    text = unquote(f"{parts.path} {parts.query}").casefold()
    return {t for t in _IDENTIFIER_TOKEN.findall(text) if len(t) >= 3}


def canonical_reason(
    capture: Capture, readable: Readable | None, probe: Readable | None
) -> str | None:
    """A short page that declares a home, search, section or error page as its address
    (a home page only when the page has no sentence of its own).

    The canonical address (or og:url) is where the page says its content lives; a page
    served in place of a removed item often keeps the template's default, the site's home
    or the section it sat in, which is a redirect that never happened. Only short pages
    count: a site that declares its home page on every article (a known misconfiguration)
    must not turn its articles into soft-404s.
    """
    if not readable or not readable.canonical or readable.declares:
        return None
    declared = readable.canonical
    if _same_address(declared, capture.final_url) or _same_address(declared, capture.url):
        return None
    where = _landing_place(capture.url, declared)
    if not where:
        return None
    if not _few_own_words(readable, probe):
        return None
    # A home page is the default many shop and blog templates put in every page's head,
    # live or not: declared there, only a page with no sentence of its own is a removed
    # item's shell. On the labelled pages the home page alone found 4 removed items and
    # took 7 live short pages (a product, a reader, a delivery update) for removed ones;
    # each of the 7 had a sentence of its own, 3 of the 4 none.
    own = readable.text if probe is None else _own_text(readable.text, probe)
    if where.endswith("home page") and _prose_words(own) > 0:
        return None
    return f"declares {where} as its address (canonical) and has few words of its own"


# A template whose name slot came out empty: "- ViewTube", "undefined | Shop".
_EMPTY_SLOT = re.compile(
    r"^\s*(?:[|–—·•:»-]|(?:undefined|null|none|nan|\{\{\s*\w+\s*\}\})\s+[|–—·•:»-])"
)


def empty_title_reason(
    capture: Capture, readable: Readable | None, probe: Readable | None
) -> str | None:
    """A short page whose title template had no name to put in: the item is not there.

    "- ViewTube" is the site's "<name> - ViewTube" with nothing for the name, which no
    page of content shows, whatever its language.
    """
    if not readable or readable.declares or _is_home(capture.url):
        return None
    if not _EMPTY_SLOT.match(readable.title.casefold()):
        return None
    if not _few_own_words(readable, probe):
        return None
    return f"its title has an empty name (“{_quote(readable.title)}”) and few words"


def state_reason(capture: Capture, readable: Readable | None, probe: Readable | None) -> str | None:
    """A page whose own app data says it was not found ("statusCode": 404, Next.js's
    "/_error"), served with 200 by a server that answers every path with the app."""
    if not readable or not readable.state or readable.declares or _is_home(capture.url):
        return None
    if not _few_own_words(readable, probe):
        return None
    return f"the page's own data says {readable.state}"


def _same_address(a: str, b: str) -> bool:
    """Equal but for scheme, www., case, percent-encoding, a final slash or the query."""
    pa, pb = urlsplit(a), urlsplit(b)
    return _host(a) == _host(b) and _fold(unquote(pa.path)).rstrip("/") == _fold(
        unquote(pb.path)
    ).rstrip("/")


def _landing_place(start: str, end: str) -> str | None:
    """What kind of page `end` is when a cited `start` ends up there, if one that says
    nothing about it: a home page, an error or search page, a parent folder, a category,
    or a front page far above it."""
    if (_is_home(start) and not _item_query(start)) or _error_path(start):
        return None  # the cited page was itself a home page or error page
    if _is_home(end):
        if _host(start) == _host(end):
            return "the site's home page"
        return f"the home page of {_host(end)}"
    path = _error_path(end)
    if path:
        return f"an error page ({path[:60]})"
    if (_is_search(end) or _searched_for(start, end)) and not _is_search(start):
        return "the site's search page"
    if _is_offer(end) and not _is_offer(start) and len(_segments(urlsplit(start).path)) >= 2:
        return f"a subscription offer page ({urlsplit(end).path[:60]})"
    if _host(start) == _host(end) and _is_ancestor(urlsplit(end).path, urlsplit(start).path):
        return f"a parent page ({urlsplit(end).path[:60]})"
    listing = _listing_path(end)
    if listing and not _listing_path(start) and not _names_the_item(start, end):
        return f"a category page ({listing[:60]})"
    if (
        _LIST_FILE.fullmatch(_last_segment(end))
        and not _LIST_FILE.fullmatch(_last_segment(start))
        and _drops_number(start, end)
    ):
        return f"a list page ({urlsplit(end).path[:60]})"
    if _landing(start, end):
        return f"a front page far above the cited one ({urlsplit(end).path[:60]})"
    if _FRONT_PATH.fullmatch(urlsplit(end).path.casefold()) and not _FRONT_PATH.fullmatch(
        urlsplit(start).path.casefold()
    ):
        return f"the service's front page ({urlsplit(end).path[:60]})"
    dropped = _dropped_item(start, end)
    if dropped:
        return f"the same address without its item ({dropped[:60]})"
    return None


def topic_reason(capture: Capture, readable: Readable | None) -> str | None:
    """Soft-404 evidence from a redirect to a page named by part of the item's name.

    The category or topic an item was sent to when it went: /quat-dieu-hoa-kangaroo-kg50f62
    to /quat-dieu-hoa ("Quạt điều hòa"), /consultations/coastal-access-charges-review to
    /environment/coastal-access. The landing is no deeper, its slug is some of the item's
    words and nothing else, and the item's number or two of its words are gone from both
    its address and its title. A page that moved under a shorter slug keeps its title.
    """
    pair = _left_behind(capture, readable)
    if pair is None or readable is None:
        return None
    start, end = pair
    deep, shallow = _path_segments(start), _path_segments(end)
    if not deep or not shallow or len(shallow) > len(deep) or deep[-1] == shallow[-1]:
        return None
    item, kept = _segment_words(deep[-1]), _segment_words(shallow[-1])
    if not kept or not kept < item:
        return None
    if len(item - kept) < 2 and not _drops_number(start, end):
        return None
    if _names_any(item - kept, _fold(readable.title)):
        return None
    return f"redirected to a page named by part of its name ({_quote(urlsplit(end).path)})"


# A service's front page under a name of its own: where a short link to a deleted
# track or video lands (on.<service>/8Hq2vXpLk sent to /discover)
_FRONT_PATH = re.compile(
    r"/?(?:[a-z]{2}(?:[-_][a-z]{2})?/)?(?:discover|explore|trending|popular|foryou|for-you|fyp"
    r"|feed|stream|latest)/?"
)

# Where a paywall sends an article it no longer shows: /subscribe/offers, /promotions-page/
_OFFER_SEGMENT = re.compile(
    r"subscribe|subscriptions?|offers|promotions?(?:-page)?|paywall|abonnement|abonnieren|abo"
    r"|abbonamenti|abbonati|suscripcion|suscribete|assinatura|assine|prenumerata|podpiska"
    r"|подписка"
)


def _is_offer(url: str) -> bool:
    """A subscription page: a segment of its path names one (/subscribe/offers/)."""
    return any(_OFFER_SEGMENT.fullmatch(s) for s in _segments(unquote(urlsplit(url).path)))


# Folders that hold one item per page
_ITEM_FOLDERS = {"product", "products", "produkt", "produto", "producto", "item", "items", "p"}


def _item_query(url: str) -> bool:
    """Whether the query names an item by its number: /?c=ar&i=271234 is an article."""
    return any(_IDENTIFIER.search(v) for _, v in parse_qsl(urlsplit(url).query))


def _dropped_item(start: str, end: str) -> str | None:
    """The query parameter naming an item that a redirect dropped, keeping the rest of the
    address (a podcast's episode, ?i=1000640098871, sent to the show's page)."""
    a, b = urlsplit(start), urlsplit(end)
    if _host(start) != _host(end) or a.path.rstrip("/") != b.path.rstrip("/"):
        return None
    kept = set(parse_qsl(b.query))
    for name, value in parse_qsl(a.query):
        if (name, value) not in kept and _IDENTIFIER.search(value):
            return f"{name}={value}"
    return None


def _landing(start: str, end: str) -> bool:
    """A page three or more folders deep sent to one at most two deep, on the same host,
    that names none of its words: /en/2.x/plugins/latex.html to /en/latest/. A page that
    moved keeps its slug (/blog/2019/05/my-post to /my-post/)."""
    if _host(start) != _host(end):
        return False
    deep, shallow = _segments(urlsplit(start).path), _segments(urlsplit(end).path)
    # A landing that ends in an identifier of its own is an item's address, not a front
    # page: a repository's handle resolving to its record (/handle/20.500.12876/70123 to
    # /items/6b1f0a3e-8c24-…).
    if shallow and _IDENTIFIER.search(shallow[-1]):
        return False
    if not urlsplit(end).query and len(deep) >= 3 and len(shallow) <= 2:
        return not _shared_words(start, end)
    # A numbered item (/20220305/miting-1776543210.html) sent up to a page without its
    # number that names nothing of its slug: its section's front (/politics/).
    # So is an item in a folder of its kind (/product/soft-silk-pudavai/ sent to /kadai/).
    numbered = bool(deep) and (bool(_IDENTIFIER.search(deep[-1])) or deep[0] in _ITEM_FOLDERS)
    return (
        numbered
        and len(shallow) < len(deep)
        and not _kept_identifier(start, end)
        and not _names_the_item(start, end)
    )


# A folder's own page: index.html, default.aspx, DokuWiki's namespace "start" page
_INDEX_FILE = re.compile(r"(?:index|default)\.(?:html?|php|aspx?|jsp)|start")
_LISTING_SEGMENT = re.compile(
    r"categor(?:y|ies|ie|ia|ias)|tags?|topics?|sections?|rubriques?|kategori(?:a|e|en|ya)?"
    r"|категори[яи]|themen?|temas?"
    r"|archives?|collections?|shop|store|tienda|loja|boutique|negozio|sklep|duka|catalog(?:ue)?"
    r"|cat[aá]logo|katalog"
    # an author's page, where a removed article is sent to its writer's other articles
    r"|authors?|autore|autori|autor|autores|auteur|auteurs|autorin|avtor|автор"
)


def _mark_ranges() -> str:
    """Combining marks as a character class body: the vowel signs of Devanagari, Tamil,
    Bengali, Thai or Khmer are marks, which ``\\w`` leaves out, cutting every word."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x300, 0x10000):
        if unicodedata.category(chr(cp)).startswith("M"):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


_MARKS = _mark_ranges()
_SLUG_WORD = re.compile(rf"(?:[^\W\d_]|[{_MARKS}]){{4,}}")


def _segments(path: str) -> list[str]:
    parts = [s for s in path.lower().split("/") if s]
    if parts and _INDEX_FILE.fullmatch(parts[-1]):
        parts.pop()
    return parts


def _is_ancestor(end: str, start: str) -> bool:
    """True when `end` is a folder above `start`: /news/ for /news/2012/story.

    A page that moved keeps a path of its own; one that is gone is often sent to the
    section it used to sit in, which says nothing about it.
    """
    above, below = _segments(end), _segments(start)
    return 0 < len(above) < len(below) and below[: len(above)] == above


def _listing_path(url: str) -> str | None:
    """The path when a segment names a listing: /category/x/, /produkt-kategorie/x/, or
    a first folder /c/ (a forum's category, a community, a channel, a shop's
    department: /c/help/5, /c/Channel, /c/kitchen/12345)."""
    path = urlsplit(url).path
    segments = _segments(path)
    if len(segments) >= 2 and segments[0] == "c":
        return path
    for segment in segments:
        parts = re.split(r"[-_]", segment)
        # two words at most: /product-category/ is a listing, /how-to-store-potatoes not
        if len(parts) <= 2 and any(_LISTING_SEGMENT.fullmatch(p) for p in parts):
            return path
    return None


# A list's own script: a news site's articleList.html (its articles are articleView.html),
# a board's list.php; not a playlist or a wish list.
_LIST_FILE = re.compile(
    r"(?:article|board|news|product|goods|item|bbs|post)?[-_]?list(?:\.(?:html?|php|aspx?|jsp|do))?"
    # a forum's list of threads (vBulletin, phpBB)
    r"|forumdisplay\.php|viewforum\.php"
)


def _last_segment(url: str) -> str:
    segments = _segments(urlsplit(url).path)
    return segments[-1] if segments else ""


_PATH_NOISE = {"index", "html", "aspx", "default", "view", "page", "pages", "home", "show"}


def _slug_words(url: str) -> set[str]:
    return set(_SLUG_WORD.findall(urlsplit(url).path.casefold())) - _PATH_NOISE


def _names_the_item(start: str, end: str) -> bool:
    """Whether `end` keeps a word of `start`'s last segment: its folders' words name the
    section it sat in (/sazogadoeba/398120/ sent to /category/sazogadoeba/), not it."""
    segments = _segments(urlsplit(start).path)
    last = set(_SLUG_WORD.findall(segments[-1])) - _PATH_NOISE if segments else set()
    # More than half: a category may repeat one word of a product's name
    # (/produkt/saatband-radieschen-5m/ sent to /produkt-kategorie/gemuese/radieschen/).
    return 2 * len(last & _slug_words(end)) > len(last)


def _shared_words(start: str, end: str) -> bool:
    """Whether two paths share a word: a page that moved usually keeps its slug."""
    return bool(_slug_words(start) & _slug_words(end))


_SEARCH_SEGMENT = re.compile(
    r"search|suche|recherche|buscar?|busqueda|búsqueda|pesquisa|ricerca|cerca|szukaj"
    r"|zoeken|zoek|hledat|hledani|sok|sök|søk|søg|haku|arama|poisk|поиск|пошук|tafuta"
    r"|kereses|keresés|cautare|căutare|pretraga|iskanje|otsing|paieska|paieška|meklet|meklēt"
    r"|find|searchresults?|search-results?|vyhledavani|vyhledávání|wyszukiwarka|wyszukiwanie"
    r"|pencarian|tim-kiem|αναζήτηση|חיפוש|بحث|検索|搜索|搜尋|검색"
)
# A marketplace's search on a host of its own: an ad at articulo.<site> sent to
# listado.<site>/bocina-jbl-flip-5 when it was paused
_SEARCH_HOST = re.compile(r"listados?|search|busca|buscar|suche|recherche")
_SEARCH_QUERY = re.compile(r"(?:^|&)(?:q|s|query|search|keywords?|term)=")
# Parameters a site search puts its words in: ?q=, VTEX's ?_q=, ?searchtext=, ?recherche=
_SEARCH_PARAM = re.compile(
    r"_?q|s|k|kw|query|text|term|keywords?|search\w*|\w*search|recherche|suche|busca|ricerca"
    r"|fraza"
)


def _is_search(url: str) -> bool:
    """A site-search URL: /search?q=…, /?s=…, ?page=recherche (a catch-all for pages
    that moved), listado.<site>/…"""
    parts = urlsplit(url)
    if _SEARCH_HOST.fullmatch(_host(url).split(".")[0]):
        return True
    segments = [s for s in unquote(parts.path).lower().split("/") if s]
    if any(_SEARCH_SEGMENT.fullmatch(s.split(".")[0]) for s in segments):
        return True
    if any(_SEARCH_SEGMENT.fullmatch(v.casefold()) for _, v in parse_qsl(parts.query)):
        return True
    return bool(parts.query) and _is_home(url) and bool(_SEARCH_QUERY.search(parts.query))


def _searched_for(start: str, end: str) -> bool:
    """Whether `end` is a site search for the words of `start`'s address: a shop that
    sends a withdrawn product to /banco jardim acacia 120?_q=banco jardim acacia 120."""
    words = _item_slug(start)[0]
    if len(words) < 2:
        return False
    for name, value in parse_qsl(urlsplit(end).query):
        if _SEARCH_PARAM.fullmatch(name.casefold()):
            found = _segment_words(value) & words
            if len(found) >= 2 and 2 * len(found) >= len(words):
                return True
    return False


_URLISH = re.compile(r"\S*[/\\]\S*")


def _strip_paths(text: str, url: str) -> str:
    """Text with paths and the URL's own words removed: catch-all pages echo the path."""
    text = _URLISH.sub(" ", text)
    own = {w for w in re.findall(r"\w+", urlsplit(url).path.casefold()) if len(w) > 2}
    if not own:
        return text
    return " ".join(w for w in re.findall(r"\w+", text.casefold()) if w not in own)


# A made-up name as a random path has it: letters and digits mixed ("k3j9x2q7w1", the
# hex of "archiver-probe-5f0c…"), or the probe's own prefix.
_MADE_UP = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{8,}|archiver|probe")


def _strip_echo(probe_text: str, page: str) -> str:
    """The probe's text without the random name it echoes ("Contact @k3j9x2q7w1"), as the
    page's own text is stripped of its address's words: a catch-all page then reads the
    same for the missing name and the random one."""
    seen = set(page.split())
    return " ".join(w for w in probe_text.split() if w in seen or not _MADE_UP.fullmatch(w))


def probe_reason(capture: Capture, readable: Readable | None, probe: Readable | None) -> str | None:
    """Soft-404 evidence from likeness to the host's page for a path that cannot exist."""
    if _is_home(capture.url):
        return None  # a home page is legitimately what a catch-all host serves
    alike = _likeness(capture, readable, probe)
    if alike == "same":
        return "same page as a random path on this host"
    if alike == "title":
        return "same title and mostly the same text as a random path on this host"
    return None


def section_reason(
    capture: Capture,
    readable: Readable | None,
    section_probe: Readable | None,
    probe: Readable | None = None,
) -> str | None:
    """Soft-404 evidence from likeness to what the cited page's folder answers for a
    random path: the folder's own template for a missing item (an expired ad, a deleted
    post showing its channel's card), which the host's generic 404 does not show."""
    folder = section_of(capture.url)
    if folder is None or readable is None or section_probe is None:
        return None
    where = f"a random path in {_quote(urlsplit(folder).path)}"
    return _like_missing(capture, readable, section_probe, probe, where)


def sibling_reason(
    capture: Capture,
    readable: Readable | None,
    sibling_probe: Readable | None,
    probe: Readable | None = None,
) -> str | None:
    """Soft-404 evidence from likeness to what the site answers for the cited address
    with an id no item has (`sibling_of`): the template its item route shows for a
    missing item, where a random word in the path would only reach the generic 404.
    Wording plays no part, so it holds for notices in any language and phrasing."""
    sibling = sibling_of(capture.url)
    if sibling is None or readable is None or sibling_probe is None:
        return None
    # The site showed the cited item for the made-up id (it routes by the name and
    # ignores the number): its canonical address is the item's.
    own = {capture.url.rstrip("/"), capture.final_url.rstrip("/")}
    if sibling_probe.canonical and sibling_probe.canonical.rstrip("/") in own:
        return None
    # Or it found the item by a number earlier in the path (/artykul/214/4815/uchwala-
    # nr-xii-87-2024-…, the year made zeros): it opens with the item's heading, which a
    # page for an id that does not exist cannot know.
    if _opens_with_the_item(capture.url, sibling_probe):
        return None
    parts = urlsplit(sibling)
    shown = parts.path + (f"?{parts.query}" if parts.query else "")
    return _like_missing(capture, readable, sibling_probe, probe, f"a made-up id ({_quote(shown)})")


SIBLING_OPENING_WORDS = 40  # where an item page's heading sits, after the menus


def _opens_with_the_item(url: str, page: Readable) -> bool:
    """Whether a page's opening names most of the words of the cited item's slug."""
    words = _item_words(url)
    if len(words) < 3:
        return False
    opening = " ".join(page.text.split(None, SIBLING_OPENING_WORDS)[:SIBLING_OPENING_WORDS])
    return 3 * _named_count(words, _fold(opening)) >= 2 * len(words)


def _like_missing(
    capture: Capture, readable: Readable, missing: Readable, probe: Readable | None, where: str
) -> str | None:
    """Whether a page is the one its site shows for an item that is not there."""
    # Only the page itself counts, not a shared title with most of the text: the pages of
    # a folder often share their title (a channel's name on each of its posts).
    if _likeness(capture, readable, missing) == "same":
        if _found_the_item(capture.url, missing) or _own_summary(readable, missing, probe):
            return None
        return f"same page as {where} on this host"
    if _same_card(readable, missing, probe) and not _found_the_item(capture.url, missing):
        return f"describes itself like {where} on this host (title and description)"
    return None


def _own_summary(readable: Readable, folder_probe: Readable, probe: Readable | None) -> bool:
    """Whether a page describes itself (og:description) unlike its folder's random path
    and unlike the host's: a channel's live post whose page around it is the channel's
    card, the same as for a post id that never existed, and whose preview is the post."""
    words = set(readable.summary.casefold().split())
    if not words:
        return False
    # A template filled with the name ("Latest news on <tag>") is the folder's, not own.
    for other in (folder_probe, probe):
        if other is not None and 2 * len(words & set(other.summary.casefold().split())) >= len(
            words
        ):
            return False
    return True


CARD_OWN_WORDS = 20  # words a page showing only its channel's card may add to it


def _same_card(readable: Readable, folder_probe: Readable, probe: Readable | None) -> bool:
    """Whether a page shows link previews the card its folder shows for a random path.

    A channel's post page whose post is gone falls back to the channel's title and
    description, which is what the channel answers for a post id that never existed,
    while the page around it may still show the feed. A live post describes itself with
    its own text. A description every page of the host shares (the host's own random
    path has it too) is the site's default and tells nothing.
    """
    if probe is None or not readable.summary or not readable.title.strip():
        return False
    if readable.summary != folder_probe.summary or readable.summary == probe.summary:
        return False
    if _title_key(readable.title) != _title_key(folder_probe.title):
        return False
    # A channel's preview of its feed carries the channel's card whether the post it
    # opens at is live or gone: only a page with little beyond that card is the card.
    return own_words(readable, folder_probe, CARD_OWN_WORDS) <= CARD_OWN_WORDS


def section_candidate(capture: Capture, readable: Readable | None) -> bool:
    """Whether a page the other evidence let through is worth a random path of its folder
    (`_short_or_redirected`, not in an item's own folder)."""
    folder = section_of(capture.url)
    if readable is None or not readable.text or folder is None:
        return False
    path = urlsplit(folder).path
    if _IDENTIFIER.search(path) or any(_SHORT_ID.fullmatch(s) for s in path.split("/")):
        return False  # the folder is in an item (/auto-oglasi/21834567/golf-7, a
        # question's /question/61234567/answer/, a thread's /comments/1c8kq2z/): any
        # last segment shows that item, live or removed, so the folder has no
        # missing-item page
    return _short_or_redirected(capture, readable)


def sibling_candidate(capture: Capture, readable: Readable | None) -> bool:
    """Whether a page the other evidence let through is worth fetching its `sibling_of`:
    one with an id in its last segment or query that is short or was redirected, like
    the folders `section_candidate` asks about (an item's folder included: the made-up
    id replaces the item's own)."""
    if readable is None or not readable.text or sibling_of(capture.url) is None:
        return False
    return _short_or_redirected(capture, readable)


def _short_or_redirected(capture: Capture, readable: Readable) -> bool:
    """Only such a page can be a site's missing-item template: asking a site for one
    more page per long article would double a run for nothing."""
    if capture.final_url != capture.url:
        return True
    return _capped_word_count(readable.text, SECTION_WORDS) <= SECTION_WORDS


def _likeness(capture: Capture, readable: Readable | None, probe: Readable | None) -> str | None:
    """How alike a page is to a random-path page: "same" page, same "title" and most
    of its text, or None."""
    if not readable or not probe:
        return None
    n_probe = len(probe.text.split())
    # Past ``cap`` words the page is too long to be like the probe whatever its length,
    # so the split of a whole article stops there.
    cap = int(n_probe / 0.6) + 2
    n_page = len(readable.text.split(None, cap))
    if n_page > cap or min(n_page, n_probe) < 0.6 * max(n_page, n_probe):
        return None  # lengths this far apart cannot reach PROBE_SIMILARITY
    page = _strip_paths(normalize(readable.text), capture.final_url)
    other = _strip_echo(_strip_paths(normalize(probe.text), capture.final_url), page)
    if len(other.split()) < 3 or len(page.split()) < 3:
        return None
    if readable.declares and _title_key(readable.title) != _title_key(probe.title):
        return None  # an app's shell, like every page of it, but titled as its own item
    alike = similarity(page, other)
    if alike >= PROBE_SIMILARITY:
        return "same"
    same_title = readable.title.strip() and readable.title.strip() == probe.title.strip()
    if same_title and alike >= PROBE_TITLE_SIMILARITY:
        return "title"
    return None


def site_title_reason(
    capture: Capture, readable: Readable | None, probe: Readable | None
) -> str | None:
    """A deep page titled with nothing but its site's name, with few words of its own.

    An article, a product or a post has a title of its own; the pages a site shows where
    one used to be ("this listing has ended", a deleted post) often carry only the site's
    name, in any language. The site's name is what the host's random-path page has in
    its title (the whole title when the host answers with its home page, a part of
    "Page not found | Site"); the page's own words are those the random-path page does
    not also have (menus, footers, "similar items" aside).
    """
    if not readable or not probe or readable.declares or _is_home(capture.url):
        return None
    title = " ".join(readable.title.split()).casefold()
    if not title:
        return None
    site = {" ".join(p.split()).casefold() for p in [probe.title, *_TITLE_SPLIT.split(probe.title)]}
    site.discard("")
    # "Site", or "Site – its tagline" / "Site: its tagline": the name first, then no
    # subject of its own (an article puts its headline first).
    first = _TITLE_SPLIT.split(title.replace(": ", " | ", 1), 1)[0].strip()
    if title not in site and first not in site:
        return None
    if not _few_own_words(readable, probe) or _shows_its_summary(readable, probe):
        return None
    if _is_search(capture.url):
        return None  # a search is titled with its site's name, results or none
    # a page whose own sentences name its address's item (a man page of "tarn-gc", a
    # call for the "poreia-17-noemvri") is that item under a site-wide title
    item = _item_words(capture.url) - set(_WORDS.findall(title))  # not the site's name
    if item and _names_any(item, _prose_lines(_own_text(readable.text, probe).casefold())):
        return None
    # ...or whose own opening names it ("Gone fishing" at /2024/05/gone-fishing)
    if _own_opening_names(item, readable, probe):
        return None
    return "titled with the site's name only, like a random path on this host, and few words"


SUMMARY_HEAD_WORDS = 8  # opening words of a page's link-preview text looked for in it


def _shows_its_summary(readable: Readable, probe: Readable) -> bool:
    """Whether the page shows the text it gives link previews, which the random-path page
    does not give: a blog's photo post titled with the blog's name alone, its caption
    both in og:description and under the photo."""
    summary = readable.summary.split()
    if len(summary) < 4 or summary == probe.summary.split():
        return False
    head = " ".join(summary[:SUMMARY_HEAD_WORDS]).casefold()
    return head in " ".join(readable.text.split()).casefold()


UNNAMED_OWN_WORDS = 80  # own words a page that names nothing of its address may have
NAMING_LEAD_WORDS = 12  # opening words that may name the item when the title does not
# Words of a path that name a kind of page, not the item: /product/…, /watch/….
_KIND_WORDS = _PATH_NOISE | {
    "htm", "php", "item", "items", "product", "products", "post", "posts", "article", "articles",
    "detail", "details", "watch", "video", "videos", "news", "blog", "story", "stories",
}  # fmt: skip
_FILE_EXT = re.compile(r"\.(?:html?|php|aspx?|jsp)$")
_LETTER = re.compile(r"[^\W\d_]")
_VOWEL = re.compile(r"[aeiouy]")


def _item_slug(url: str) -> tuple[frozenset[str], str]:
    """The item's slug (its words, and the segment as written): the last segment with
    words in it; a segment of digits or an identifier names nothing a page would repeat."""
    for segment in reversed(_path_segments(url)):
        words = _segment_words(segment)
        if words:
            return words, segment
    return frozenset(), ""


def _path_segments(url: str) -> list[str]:
    """The non-empty segments of a URL's path, percent-decoded, as written."""
    return [s for s in unquote(urlsplit(url).path).split("/") if s]


def _named_count(words: frozenset[str], text: str) -> int:
    """How many of a slug's words `text` (folded) names."""
    return sum(_names_any(frozenset({w}), text) for w in words)


def _segment_words(segment: str) -> frozenset[str]:
    found = _SLUG_WORD.findall(_fold(_FILE_EXT.sub("", segment)))
    # "bxkfl" in /2-istabu-agenskalns-bxkfl is an identifier, not a word
    return frozenset({w for w in found if not w.isascii() or _VOWEL.search(w)} - _KIND_WORDS)


# An item's number or UUID (not a date: /2019/03/ or /2019-03-14/ is a folder of items)
_IDENTIFIER = re.compile(r"\d{5}|[0-9a-f]{8}-[0-9a-f]{4}-", re.IGNORECASE)
# A short base-36 or base-62 id, letters and digits mixed: a thread's 1c8kq2z, a file's
# k3m9x2pq7rt41 (a word with a number, like covid19, is taken for one too: it only
# costs that folder its probe).
_SHORT_ID = re.compile(r"(?=[^\W_]*\d[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{6,}")


def _found_the_item(url: str, folder_probe: Readable) -> bool:
    """Whether the folder's answer for a random last segment is titled with the cited item.

    Then the site found the item by something else in its path (/auto-oglasi/21834567/
    <anything> shows ad 21834567, live or removed), and likeness to it says nothing.
    """
    words = _item_words(url)
    if not words:
        return False
    # The title, where a page that found the item names it: the text of a missing-item
    # page may name like items ("Xiaomi Redmi Note 13" among the recommendations).
    named = _named_count(words, _fold(folder_probe.title))
    return 2 * named >= len(words)


def _item_words(url: str) -> frozenset[str]:
    """The words of the cited item's own slug, its address's last segment."""
    segments = _path_segments(url)
    return _segment_words(segments[-1]) if segments else frozenset()


def _mostly_latin(text: str) -> bool:
    """Latin letters, or Cyrillic and Greek, which slugs spell in Latin letters."""
    letters = _LETTER.findall(text)
    if not letters:
        return False
    comparable = sum(1 for c in letters if "a" <= c <= "z" or c in _TRANSLIT)
    return comparable >= 0.8 * len(letters)


def _names_any(words: frozenset[str], text: str) -> bool:
    """Whether `text` (folded) holds one of the slug's words, inflected or transliterated."""
    present = set(_WORDS.findall(text))
    if words & present:
        return True
    # "kierowca" in the slug, "kierowcy" on the page: the same stem
    stems = {w[:6] for w in present if len(w) >= 6}
    if any(len(w) >= 6 and w[:6] in stems for w in words):
        return True
    spelled = {
        _skeleton(_LATIN.sub(lambda m: _TRANSLIT[m.group(0)], w))
        for w in present
        if not w.isascii()
    }
    return any(_skeleton(w) in spelled for w in words if w.isascii())


def _own_text(text: str, probe: Readable) -> str:
    """The text without the frame it shares with the host's random-path page, line by
    line: what is left opens with the page's own heading or message."""
    frame = _trigrams(probe.text)
    lines = text.splitlines()
    flat = [w for line in lines for w in line.split()]
    keep = [not _in_frame(flat, i, frame) for i in range(len(flat))]
    out: list[str] = []
    at = 0
    for line in lines:
        words = line.split()
        own = [w for w, k in zip(words, keep[at : at + len(words)], strict=True) if k]
        at += len(words)
        if own:
            out.append(" ".join(own))
    return "\n".join(out)


def own_words(readable: Readable, probe: Readable | None, cap: int) -> int:
    """Words of the page outside the frame it shares with the host's random-path page.

    Menus, footers and newsletter boxes come back on every page of a host, and on its
    page for a path that cannot exist. A word belongs to the frame when a run of three
    words around it is also on that page; lines are no guide, since a reader may join a
    whole page into one. Counting stops past `cap`, like `_capped_word_count`.
    """
    if probe is None:
        return _capped_word_count(readable.text, cap)
    if cap <= OWN_COUNT_CAP:  # every rule asks with a cap this low: count once per page
        return min(_own_count(readable.text, probe.text, OWN_COUNT_CAP), cap + 1)
    return _own_count(readable.text, probe.text, cap)


OWN_COUNT_CAP = 100
FRAME_SCAN_WORDS = 5000  # a frame longer than this is not a frame: the rest counts as own


@functools.lru_cache(maxsize=16)
def _own_count(text: str, probe_text: str, cap: int) -> int:
    """`own_words` counted once for a page and its host's random-path page: the judge
    asks it of every rule, and strings hash once, so the cache costs nothing to look up."""
    words = text.split(None, FRAME_SCAN_WORDS)
    frame = _trigrams(probe_text)
    own: list[str] = []
    for i in range(len(words)):
        if not _in_frame(words, i, frame):
            own.append(words[i])
            if len(own) > cap:
                return cap + 1
    return _capped_word_count(" ".join(own), cap)


def _in_frame(words: list[str], i: int, frame: frozenset[tuple[str, ...]]) -> bool:
    """Whether a run of three words around word `i` is also on the random-path page."""
    return any(tuple(words[j : j + 3]) in frame for j in range(max(0, i - 2), i + 1))


def _prose_lines(text: str) -> str:
    """The lines of PROSE_LINE_WORDS words or more: the page's sentences, not its names,
    prices, buttons or the handle a stub echoes."""
    return "\n".join(
        line
        for line in text.splitlines()
        if _capped_word_count(line, PROSE_LINE_WORDS) >= PROSE_LINE_WORDS
    )


def _prose_words(text: str) -> int:
    """Words in lines of PROSE_LINE_WORDS words or more, up to OWN_MESSAGE_WORDS + 1.

    A thread or an article about an error goes on in sentences; a removed item's page
    goes on with its "similar items", lines of a name, a price and a place.
    """
    total = 0
    for line in text.splitlines():
        n = _capped_word_count(line, OWN_MESSAGE_WORDS)
        if n >= PROSE_LINE_WORDS:
            total += n
            if total > OWN_MESSAGE_WORDS:
                break
    return total


def _few_own_words(readable: Readable, probe: Readable | None) -> bool:
    """At most SITE_TITLE_WORDS words beyond the host's frame: a message and some links,
    the most evidence that needs no wording allows a page."""
    return own_words(readable, probe, SITE_TITLE_WORDS) <= SITE_TITLE_WORDS


def _own_opening_names(words: frozenset[str], readable: Readable, probe: Readable) -> bool:
    """Whether the opening of the page's own text (after the frame it shares with the
    host's random-path page) names two of the slug's words: a blog's header and tagline
    may push the post's heading past the page's opening. Two, since a category a product
    was sent to shares one ("achterderailleurs")."""
    return _named_count(words, _fold(_opening(_own_text(readable.text, probe)))) >= 2


def _opening(text: str) -> str:
    """The first words of a text, where a page names its item if its title does not."""
    return " ".join(text.split(None, NAMING_LEAD_WORDS)[:NAMING_LEAD_WORDS])


@functools.lru_cache(maxsize=64)
def _trigrams(text: str) -> frozenset[tuple[str, ...]]:
    """Runs of three words of a host's random-path page, once per host, not per page."""
    words = text.split()
    return frozenset(tuple(words[i : i + 3]) for i in range(len(words) - 2))


def unnamed_reason(
    capture: Capture, readable: Readable | None, probe: Readable | None
) -> str | None:
    """A short page whose title and opening name nothing of what its address names.

    A slug is made from the item's name (/threads/co2-anlage-selbstbau.48211/), and the
    item's page repeats that name in its title or heading, in whatever language. The page
    a site shows where an item used to be ("this ad has expired", "Sludinājums ir dzēsts",
    a bare site name) names the item nowhere, which no list of phrases needs to know.
    Only short pages count, and only where the slug and the page can be compared: a
    Latin slug says nothing about a page written in Thai or Arabic.
    """
    if not readable or readable.declares or _is_home(capture.url) or _is_home(capture.final_url):
        return None
    words, slug = _item_slug(capture.url)
    if len(words) < 2:
        return None  # one word, or none, is too little to call a name missing
    if slug != _path_segments(capture.url)[-1]:
        return None  # the item is a number (/channel_name/4512): its folder names a
        # channel or a user, whose card an item's page need not show
    title = readable.title or ""
    shown = _fold(f"{title} {_opening(readable.text)}")
    if all(w.isascii() for w in words) and not _mostly_latin(shown):
        return None
    if _names_any(words, shown) or _shows_its_date(capture.url, shown):
        return None
    if probe is not None and _own_opening_names(words, readable, probe):
        return None
    if own_words(readable, probe, UNNAMED_OWN_WORDS) >= UNNAMED_OWN_WORDS:
        return None
    return f"names nothing its address names ({slug[:60]}) and has few words of its own"


_URL_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d[-/_.](\d\d)[-/_.](\d\d)(?!\d)")
# How month names begin in the Latin-script languages slugs are mostly written in
_MONTH_STARTS = (
    ("jan", "ene", "gen", "sty"),
    ("feb", "fév", "fev", "lut"),
    ("mar", "mär", "maa"),
    ("apr", "avr", "abr", "kwi"),
    ("may", "mai", "mag", "mei", "maj"),
    ("jun", "jui", "giu", "cze"),
    ("jul", "lug", "lip"),
    ("aug", "aoû", "aou", "ago", "sie"),
    ("sep", "set", "wrz"),
    ("oct", "okt", "ott", "out", "paź", "paz"),
    ("nov", "lis"),
    ("dec", "dez", "déc", "dic", "gru"),
)


def _shows_its_date(url: str, shown: str) -> bool:
    """Whether the title or opening (folded) gives the date its dated slug carries: a
    statement at /2024-03-11-outage-update titled "Statement on the 11 March supply
    interruption" names its item by its day, in other words than its slug's."""
    found = _URL_DATE.search(urlsplit(url).path)
    if not found:
        return False
    month, day = int(found.group(1)), int(found.group(2))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    words = _WORDS.findall(shown)
    if str(day) not in {w.lstrip("0") for w in words}:
        return False
    starts = _MONTH_STARTS[month - 1]
    return any(w.startswith(starts) and not w.isdigit() for w in words)


def _coverage(segment: str, url_words: frozenset[str] = frozenset()) -> float:
    letters = len(_ALNUM.findall(segment))
    if not letters:
        return 0.0
    covered = sum(
        len(_ALNUM.findall(m.group(0)))
        for m in _ANY_RE.finditer(segment)
        if not _named(m.group(0), url_words)
    )
    return covered / letters


def _quote(phrase: str, chars: int = 60) -> str:
    phrase = " ".join(phrase.split())
    return phrase if len(phrase) <= chars else phrase[: chars - 1] + "…"


_OPEN_QUOTES = "\"'«„“‘‹「"
_CLOSE_QUOTES = "\"'»“”’›」"


# What will be unavailable is news of a plan, not the page's state: "после этой даты
# страницы старого сайта будут недоступны".
_FUTURE = re.compile(r"\b(?:will|будут|будет|станут|станет|wird|werden|sera|seront)\b")
_OBJECT_OF = re.compile(r"\b(?:onto|into|about|of|for|with|from)\s+$")
_NOUN_FIRST = re.compile(r"(?:page|file|document|article|post|link|content|video|item|site)s?\b")
# Words that make what follows a report of the message rather than the message itself:
# "the server says the page was not found", "what to do if the page is not found?".
_MENTION = re.compile(
    # "shows" the verb, not "this show is no longer available" (a podcast's page)
    r"\b(?:says?|said|(?<!\bthis )(?<!\bthe )(?<!\ba )shows?|showed|displays?|displayed"
    r"|message|reads|returns?|returned|gets?"
    r"|getting|if|when|whenever|why|means?|meant|meaning|usually|typically|often|significa"
    r"|saying|showing|giving|gives"
    r"|signifie|bedeutet|означает|meldet|meldung|zeigt|anzeigt|erscheint|wenn|falls|warum"
    # French "dit" (says) with its subject or object, not Dutch "dit" (this)
    r"|affiche|indique|(?:il|elle|on|qui|ça|cela) dit|dit(?= que| qu'|\s*:)|si|quand|lorsque"
    r"|pourquoi|muestra|mensaje|dice|aparece|cuando"
    r"|por qué|пишет|надпись|сообщение|показывает|появляется|если|когда|почему"
    # a server or a program answering with the error: "the server answers 404 Not Found"
    r"|answers?|answered|responds?|responded|comes back|came back|throws?|threw|throwing"
    r"|отвечает|ответил|возвращает|выдаёт|выдает"
    # Polish, Ukrainian, Italian, Portuguese and Dutch reports of the message
    r"|zwraca|zwracają|zwróciło|zwrócił|wyświetla|pokazuje|pojawia się|gdy|kiedy|jeśli|jeżeli"
    r"|dlaczego|показу\w*|з'являється|з’являється|повертає|якщо|коли|чому"
    r"|restituisce|mostra|compare|quando|perché|retorna|aparece|por que"
    r"|geeft|toont|verschijnt|wanneer|waarom|liefert|liefern|lieferte|lieferten)\b"
)
# Reported speech anywhere in the sentence: "… was not found, according to the police".
_REPORTED = re.compile(
    r"\b(?:according to|reported|told|said|says|selon|d'après|laut|zufolge|según|informó"
    r"|по словам|по данным|сообщил[аио]?|сообщает)\b"
)
# The same after the phrase, where languages that put the verb last report it: Turkish
# "aradığınız sayfa bulunamadı diyen sayfa" (the page that says the page was not found),
# Japanese "ページが見つかりませんと表示される", Korean "페이지를 찾을 수 없습니다라는 메시지".
_REPORTED_AFTER = re.compile(
    r"[\s\"'»”」]{0,3}(?:(?:diyen|diye|yazan|yazısı|uyarısı|mesajı)\b"
    r"|と(?:表示|いう|言う|出る|出て|書かれ)|(?:이?라는|이?라고)\s)"
)
_SENTENCE_END = re.compile(r"[.!?\n]")
# A title opening on a case or a question word is a guide's topic, not the page's state:
# "When the listing for your rental has been removed", "Si votre annonce a expiré".
_TOPIC_TITLE = re.compile(
    r"\s*(?:when|if|why|how|what (?:to do )?if|what happens|quand|si|pourquoi|que faire"
    r"|wenn|falls|warum|was tun|cuando|por qué|qué hacer|когда|если|почему|что делать)\b"
)
_STATUS_CODE = re.compile(r"\b(?:30[1278]|40[0-9]|41\d|429|5\d\d)\b")
# A phrase in quotation marks inside a title is what the page is about: a thread called
# 'After the upgrade, «Page not found» on every subdomain'.
_QUOTED = re.compile(r"«[^«»]{1,80}»|“[^“”]{1,80}”|„[^„“”]{1,80}[“”]|\"[^\"]{1,80}\"")
# A circumstance right after the phrase makes it a description of a problem ("Page not
# found when refreshing on /about"), not the message itself.
# "leads to a page that cannot be found": some page, not this one.
_INDEFINITE = re.compile(
    r"\b(?:a|an|une?|ein|eine[mnr]?|una?|uma?|какую-то|какая-то|every|each|any|chaque|jede[rs]?"
    r"|cada|каждая|каждый|каждое|любая|любой)\s+(?:[^\W\d]+\s+)?$"
)
_CIRCUMSTANCE = re.compile(
    r"\s*(?:(?:when|whenever|while|if|quand|lorsque|wenn|cuando|когда|коли|quando|gdy|kiedy"
    # "Ошибка 404 при загрузке фото": an error met while doing something
    r"|during|upon|при|во время|під час|beim|lors d(?:e|u|es))\b"
    r"|时|時|的时候|の(?:場合|とき)|場合|とき|경우|때)"
)


# A page speaks of itself ("page", "URL", "link"); of anything else ("the document",
# "the file") only when it points at it ("this article") or at the reader ("the file you
# requested"). "The original document was not found in the archive" is news.
_SELF_SUBJECT = re.compile(r"pages?\b|urls?\b|links?\b|página|pagina|seite|страниц")
_POINTING = re.compile(
    r"\b(?:this|that|you|your|requested|vous|demandée?|cette|cet|ce|sie|ihr|angeforderte?"
    r"|gesuchte?|aufgerufene?|gewünschte?|diese[rs]?|dieses|este|esta|buscas|buscás|busca|solicitad[ao]"
    r"|solicitaste|эт[аоиу]|этот|вы|запрашиваем\w*|запрошенн\w*|specified|ushbu"
    r"|här|denna|detta|dit|deze)\b"
)
# Removed "from the site", after the phrase: this site's own piece, not news of another's.
_FROM_SITE = re.compile(
    r"\s(?:from (?:this|our|the) (?:site|website)|с (?:сайта|нашего сайта)|du site"
    r"|von (?:der|unserer) (?:seite|website)|del sitio|dal sito"
    # taken down from the authority's own notice board (Slovak, Czech)
    r"|z úradnej tabule|z úřední desky"
    # removed by the community's own people: the platform telling of its own post
    r"|by (?:the )?(?:author|moderators?|administrators?|admins?) (?:or|of)\b"
    r"|(?:автором|администратором|модератором) (?:или|сообщества|группы)"
    # a platform naming both of its reasons: "Запись удалена либо доступ к ней ограничен"
    r"|(?:либо|или) доступ к (?:ней|нему) ограничен|или (?:был[аио]? )?удал[её]н\w*"
    r"|или (?:ещё|еще) не создан\w*"
    # removed by the site's own editors or on an order it names: "Материал удалён по
    # решению редакции", "retiré par la rédaction", "at the request of the court"
    r"|по (?:решению|требованию|просьбе) \w+|за (?:рішенням|вимогою|проханням) \w+"
    r"|на (?:вимогу|запрос|прохання) \w+|at the (?:author's|owner's) request"
    r"|decyzją \w+|na (?:wniosek|żądanie) \w+|(?:by|at) the (?:request|order) of"
    r"|by (?:the )?editors?\b|by (?:the )?editorial|par (?:la )?rédaction"
    r"|à la demande d|von der redaktion|auf (?:wunsch|anordnung|beschluss) d"
    r"|por (?:decisión|orden) de|a petición de|per decisione d|su richiesta d)\b"
)
_SUBJECT_FIRST = re.compile(
    r"(?:file|document|resource|article|post|content|item|story|profile|account|video|tweet"
    r"|listing|product|key|blob|object|site|website|domain|entry|contenu"
    r"|fichier|artikel|inhalt|dokument|datei|nota|artículo|contenido|documento|archivo"
    r"|стать|материал|документ|запись|posting|community|channel|subreddit|event|course"
    r"|programme|program|konto|petition)"
)


QUOTE_REACH = 12  # characters between a quotation mark and the phrase it encloses
QUOTATION_REACH = 60  # the same in paired marks, which quote whole messages


# An apostrophe between two letters elides or joins words ("l'atto", "all'albo",
# "don't"): it opens and closes no quotation.
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")


def _in_quotes(text: str, m: re.Match[str]) -> bool:
    """The phrase stands inside quotation marks: „404 Seite nicht gefunden“."""
    text = _INNER_APOSTROPHE.sub("\u02bc", text)  # same length: m's offsets still hold
    if _quoted_within(text, m, QUOTE_REACH):
        return True
    # a longer quotation in paired marks: “404 Not Found – ไม่พบหน้าที่ต้องการ”
    if _quoted_within(text, m, QUOTATION_REACH, "“«„「", "”»“」"):
        return True
    return _quoted_message(text, m)


# A closing mark right after a phrase (a full stop may come first), and where each opens.
_CLOSING_MARK = re.compile(r"[.!]?([\"»”“」])")
_OPENING_OF = {"»": "«", "”": "“„", "“": "„", "」": "「", '"': '"'}


def _quoted_message(text: str, m: re.Match[str]) -> bool:
    """A whole message quoted, the phrase closing it: «Помилка 404. Сторінку не знайдено»,
    "Sorry, this page no longer exists". The quotation may hold sentences of its own; what
    makes it one is the mark that closes right after the phrase and its pair before it."""
    closing = _CLOSING_MARK.match(text, m.end())
    if not closing:
        return False
    mark = closing.group(1)
    before = text[max(0, m.start() - QUOTATION_REACH) : m.start()]
    opened = max(before.rfind(q) for q in _OPENING_OF[mark])
    return opened >= 0 and "\n" not in before[opened:] and mark not in before[opened + 1 :]


def _quoted_within(
    text: str,
    m: re.Match[str],
    reach: int,
    opening: str = _OPEN_QUOTES,
    closing: str = _CLOSE_QUOTES,
) -> bool:
    """Whether a quotation mark opens at most `reach` characters before the phrase and
    one closes at most `reach` after it, no sentence ending between them."""
    before = text[max(0, m.start() - reach) : m.start()]
    after = text[m.end() : m.end() + reach]
    opened = max(before.rfind(q) for q in opening)
    if opened < 0 or any(q in before[opened + 1 :] for q in closing if q not in opening):
        return False
    if reach > QUOTE_REACH and _SENTENCE_END.search(before, opened):
        return False
    closes = [i for i in (after.find(q) for q in closing) if i >= 0]
    if not closes:
        return False
    if reach > QUOTE_REACH:
        # paired marks may quote a message of two sentences, the phrase opening it:
        # «Ошибка 404. Страница не найдена»; not across a line or into another quotation
        inside = after[: min(closes)]
        return "\n" not in inside and not any(q in inside for q in opening)
    return not _SENTENCE_END.search(after, 0, min(closes))


NOTICE_TAIL_WORDS = 4  # words after a notice's phrase on its line ("администратором сайта")


def _notice_line(text: str, m: re.Match[str]) -> bool:
    """The phrase opens a line that is one short sentence ("Материал удалён.", "Документ
    вилучено з відкритого доступу."): a notice standing alone under an item's title, where
    news of another item's removal sits inside a paragraph."""
    if m.start() and text[m.start() - 1] != "\n":
        return False
    end = text.find("\n", m.end())
    rest = text[m.end() : end if end >= 0 else len(text)]
    # what follows says at most by whom or from where, not who reported it: "Kontot har
    # stängts av, meddelade plattformen i går" is news
    return (
        (rest.rstrip().endswith(_SENTENCE_STOPS) or not rest.strip())
        and "," not in rest
        and len(rest.split()) <= NOTICE_TAIL_WORDS
    )


def _mentioned(text: str, m: re.Match[str]) -> bool:
    """True when the phrase is quoted, asked about or reported, not said by the page."""
    if _in_quotes(text, m) or _FUTURE.search(m.group(0)) or _REPORTED_AFTER.match(text, m.end()):
        return True
    # the object of a preposition: "a door that opens onto pages that no longer exist"
    if _OBJECT_OF.search(text, max(0, m.start() - 8), m.start()) and _NOUN_FIRST.match(m.group(0)):
        return True
    start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
    phrase = m.group(0)
    other_subject = _SUBJECT_FIRST.match(phrase) and not _SELF_SUBJECT.match(phrase)
    if (
        other_subject
        and not _POINTING.search(text, start, m.end())
        and not _notice_line(text, m)
        and not _FROM_SITE.match(text, m.end())
    ):
        return True
    if _CIRCUMSTANCE.match(text, m.end()) or (
        _names_a_thing(phrase) and _INDEFINITE.search(text, 0, m.start())
    ):
        return True
    end = _SENTENCE_END.search(text, m.end())
    if end and end.group(0) == "?":
        return True
    # "… the ones that are dead: 404 Not Found, 410 Gone, timeouts": a list of errors is
    # about errors; an error page names its own code only.
    codes = {
        c.group(0) for c in _STATUS_CODE.finditer(text, start, end.start() if end else len(text))
    }
    if len(codes) > 1:
        return True
    if _REPORTED.search(text, start, end.start() if end else len(text)):
        return True
    return bool(_MENTION.search(text, start, m.end()))


# What a page declares (og:type, JSON-LD @type) when it is a named work.
_WORK_DECLARED = re.compile(
    r"book|books\.book|movie|video\.(?:movie|episode|tv_show)|music\.\w+|musicrecording"
    r"|musicalbum|podcastepisode|thesis|creativework"
)


def _names_a_thing(phrase: str) -> bool:
    """True when the phrase opens with what it speaks of ("page introuvable", "404 page"),
    the only place an indefinite article before it belongs to it. Before a predicate
    ("kikerült a kínálatunkból", "vairs nav aktuāls") the same letters are another
    language's "the" or "and": Hungarian "a termék", Latvian "un", Czech "a již"."""
    return (
        phrase[:1].isdigit()
        or phrase.startswith("parked")  # "a parked domain" is one of many, "parked free" this
        or bool(_SUBJECT_FIRST.match(phrase) or _SELF_SUBJECT.match(phrase))
    )


_WORDS = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")


def _named(phrase: str, url_words: frozenset[str]) -> bool:
    """True when the cited URL itself holds the phrase: /wiki/Page_Not_Found_(film).

    Then the phrase is the page's subject, not its message.
    """
    words = _WORDS.findall(_fold(phrase))
    if not words:
        return False
    if all(w in url_words for w in words):
        return True
    # Slugs write Cyrillic and Greek in Latin letters, each site its own way
    # (найдена: naydena, naidena, najdena): compare the consonants.
    if all(w.isascii() for w in words):
        return False
    slug = {_skeleton(w) for w in url_words}
    return all(_skeleton(_LATIN.sub(lambda m: _TRANSLIT[m.group(0)], w)) in slug for w in words)


_CYRILLIC = "абвгдезийклмнопрстуфхцчшщъыьэюяёєіїґж"
_GREEK = "αβγδεζηθικλμνξοπρσςτυφχψω"
_TRANSLIT = {
    **dict(zip(_CYRILLIC, "abvgdeziiklmnoprstufhccssyyyeyyeeiigz", strict=True)),
    **dict(zip(_GREEK, "avgdezitiklmnxoprsstyfhpo", strict=True)),
}
_LATIN = re.compile("[" + "".join(_TRANSLIT) + "]")
_SKELETON_DROP = re.compile(r"[aeiouyjhw']")


def _skeleton(word: str) -> str:
    """A Latin word's consonants, with the spellings of one sound made one letter."""
    for many, one in (("shch", "s"), ("sch", "s"), ("ch", "c"), ("sh", "s"), ("zh", "z")):
        word = word.replace(many, one)
    word = word.replace("ts", "c").replace("kh", "h").replace("x", "ks")
    return _SKELETON_DROP.sub("", word)


def _url_words(url: str) -> frozenset[str]:
    parts = urlsplit(url)
    return frozenset(_WORDS.findall(_fold(unquote(f"{parts.path} {parts.query}"))))


# Letters that are no accented Latin letter to Unicode, which slugs spell plainly too
# (bulunamadı: bulunamadi, łódź: lodz)
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h"})


def _fold(text: str) -> str:
    """Case and accents folded: a slug writes "página" as "pagina"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_PLAIN_LETTERS)


def _unquoted(
    text: str, pattern: re.Pattern[str], url_words: frozenset[str] = frozenset()
) -> re.Match[str] | None:
    """The first match the page says in its own voice (see `_mentioned`)."""
    for m in pattern.finditer(text):
        if not _mentioned(text, m) and not _named(m.group(0), url_words):
            return m
    return None


def wording_reason(
    readable: Readable | None, url: str = "", probe: Readable | None = None
) -> str | None:
    """Soft-404 evidence from not-found wording in the title, the opening or a short body.

    The body's wording alone decides only on a very short page, or where an error page
    puts its message: in its opening words. A not-found title decides on a very short
    page, or on a longer one whose body says it too (an error page padded with menus and
    "popular posts"), never on an article. A phrase the cited URL itself holds is the
    page's subject ("Page Not Found (2013 film)"), not its message. Where the host's
    random-path page is known, its frame (menus, footers) is not the page's own: an error
    page has little else, a page with more than a hundred words of its own that opens with the
    phrase is about it (a forum thread on a router's "404 Not Found").
    """
    if not readable:
        return None
    named = _url_words(url) | _work_words(readable.title or "")
    raw = readable.text or ""
    # Folding changes no whitespace and no CJK letter (true of every code point), so the
    # raw text has the folded text's count; past TITLE_BODY_WORDS the count stops, and a
    # long article is never folded at all: only its title can still decide.
    words = _capped_word_count(raw, TITLE_BODY_WORDS)
    title = (readable.title or "").strip()
    folded_title = title.replace("’", "'").casefold()
    if words > TITLE_BODY_WORDS:  # too long for the body's wording or a parking page
        return _placeholder(folded_title, "", words, named)
    text = raw.replace("’", "'").casefold()
    placeholder = _placeholder(folded_title, text, words, named) or _parking(url, title, text)
    if placeholder:
        return placeholder
    if _ABOUT_HTTP.search(text):
        return None
    # The heading that repeats the title is not a second piece of evidence.
    body = "\n".join(line for line in text.splitlines() if line.strip() not in folded_title)
    # Past a hundred words of its own (beyond the host's frame, or at all on a page that
    # declares itself an article), a page opening with the phrase is about the error.
    framed = (probe is not None or bool(readable.declares)) and (
        _prose_words(raw if probe is None else _own_text(raw, probe)) > OWN_MESSAGE_WORDS
    )
    # The page's own link-preview text may second its title ("Cette annonce n'est plus
    # disponible."), never decide alone: a news post's description may report a removal.
    summary = readable.summary.replace("’", "'").casefold()
    seconded = (
        _unquoted(body, _STRONG_RE, named)
        or _unquoted(summary, _STRONG_RE, named)
        or _bare_error_title(title, named)
    )
    # A very short page, or one whose own words beyond the host's frame are few.
    short = words <= SHORT_BODY_WORDS or (
        probe is not None and own_words(readable, probe, SHORT_BODY_WORDS) <= SHORT_BODY_WORDS
    )
    headings = {line.strip() for line in text.splitlines()}
    # A page that declares itself a book, a film or a recording and says more than a
    # line is that work, whatever its name: a novel called "Stránka nenalezena".
    work = not short and bool(_WORK_DECLARED.fullmatch(readable.declares.lower()))
    if title and (short or words <= TITLE_BODY_WORDS) and not work:
        for part in _title_parts(title):
            if part.rstrip().endswith("?") or _TOPIC_TITLE.match(part.casefold()):
                continue  # a question or a case: "When the listing has been removed"
            folded = part.replace("’", "'").casefold()
            if _located(folded):
                continue  # where the error shows: "Fehler 404 im Navi", "404 in Chrome"
            # Seconded by the body, or shown as the page's heading: a removed item's page
            # with its "similar items" says it in both places, an article in neither.
            if not (short or (seconded and not framed) or folded.strip() in headings):
                continue
            if _coverage(folded, named) >= TITLE_COVERAGE or _UNAVAILABLE_TITLE.fullmatch(
                folded.strip()
            ):
                return f"the page title says “{_quote(part)}”"
    if 0 < words <= SHORT_BODY_WORDS:
        strong = _unquoted(text, _STRONG_RE, named) or _CLOSED_APPEAL_LINE.search(text)
        if strong:
            return f"the page says “{_quote(strong.group(0))}”"
        for line in text.splitlines():
            if _coverage(line, named) >= TITLE_COVERAGE:
                return f"the page says “{_quote(line)}”"
    if probe is not None:  # the page's own opening, after the frame it shares with the probe
        own = _own_text(raw, probe).replace("’", "'").casefold()
        body = "\n".join(line for line in own.splitlines() if line.strip() not in folded_title)
    lead = _unquoted(_lead(body), _STRONG_RE, named)
    if lead and framed and not _SET_PHRASE_RE.fullmatch(lead.group(0)):
        lead = None  # a page about the error: a thread, an article
    if lead and any(_named(m.group(0), named) for m in _ANY_RE.finditer(folded_title)):
        # a work or an event named with the error, its address too ("404 Not Found: An
        # Improv Night" at /e/404-not-found-an-improv-night): its blurb plays on it
        lead = None
    # A title asking about the error ("Why does my Flask route return 404 Not Found…?"):
    # the message under it is the asker's paste, not the page's answer.
    if (
        lead
        and title.endswith("?")
        and (_STATUS_CODE.search(title) or _ANY_RE.search(folded_title))
    ):
        lead = None
    if lead:
        return f"the page opens with “{_quote(lead.group(0))}”"
    # A page of menus and links with no sentence of its own, one line of which is the
    # message: a court's case card that now reads "Данных по запросу не найдено".
    if not framed and _prose_words(raw) <= BARE_PROSE_WORDS:
        for line in body.splitlines():
            if _coverage(line, named) >= TITLE_COVERAGE and _unquoted(line, _STRONG_RE, named):
                return f"the page says “{_quote(line)}”"
    return None


def notice_reason(readable: Readable | None, url: str = "") -> str | None:
    """A page whose status notice (an ARIA status or alert region, or a box its class
    names a notice, alert, error or "unavailable") says the item is gone.

    Sites put "This ad is no longer active" in such a banner above what is left of the
    item (its title, a photo, "similar ads"), and the reader's main-text extraction often
    drops it. A notice is the page speaking of itself, not an article mentioning an
    error; still, only a page of at most TITLE_BODY_WORDS words is judged by it. A notice
    that is only a weaker phrase ("Keine Produkte gefunden.") counts too: a banner holding
    nothing else is the page's own answer, where the same words in its text may be a
    sidebar's.
    """
    if not readable or not readable.notice:
        return None
    if _capped_word_count(readable.text, TITLE_BODY_WORDS) > TITLE_BODY_WORDS:
        return None
    named = _url_words(url) | _work_words(readable.title or "")
    for line in readable.notice.splitlines():
        folded = line.replace("’", "'").casefold()
        found = _unquoted(folded, _STRONG_RE, named)
        if found:
            return f"its status notice says “{_quote(found.group(0))}”"
        if _coverage(folded, named) >= TITLE_COVERAGE:
            return f"its status notice says “{_quote(line)}”"
    return None


# The marker a forum leaves where a post's body was: "[removed]", "[deleted]",
# "[ Removed by moderator ]", mostly in English whatever the forum's language, else in
# its own, saying who removed it: "[removido pelos moderadores]". A bare "[excluído]"
# is a deleted user's name.
_REMOVED_LINE = re.compile(
    r"^[ \t]*(\[[ \t]*(?:(?:removed|deleted)(?: by [\w’' ]{1,30})?"
    r"|(?:removid[oa]|eliminad[oa]|supprimée?|gelöscht|entfernt|rimoss[oa]|verwijderd"
    r"|удален[оа]?|usunięt[ey]) [\w’' ]{1,30})[ \t]*\]"
    # or a line of its own with no brackets, naming who: "Removed by mod"
    r"|(?:removed|deleted) by (?:the )?(?:mods?|moderators?|admins?))[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# The same marker run into the thread's one line ("u/[deleted] Title? [removed by
# moderators] Vote 0 comments"): only one that names who removed it, since a bare
# "[deleted]" inline is a deleted user's name in a live thread.
_REMOVED_INLINE = re.compile(
    r"(\[[ \t]*(?:removed|deleted) by (?:the )?(?:moderators?|mods?|admins?)[ \t]*\])",
    re.IGNORECASE,
)
REMOVED_PROSE_WORDS = 40  # prose a removed thread may keep (its community's blurb)


# A messenger's web preview of a name with no channel behind it: "Telegram: Contact
# @name" and a "Send Message" button. A channel's page says "View", a group's "Join".
_CONTACT_TITLE = re.compile(r"(?:[^:]{1,40}:\s*)?contact @([\w.]{3,64})", re.IGNORECASE)


def contact_card_reason(capture: Capture, readable: Readable | None) -> str | None:
    """A numbered channel post answered with the messenger's contact card of its name.

    Only a channel has numbered posts; the card for /name/212 means the name is no
    channel now (deleted, or renamed and the name taken), so the post is not there.
    """
    if not readable:
        return None
    card = _CONTACT_TITLE.fullmatch(readable.title.strip())
    if not card:
        return None
    segments = [s for s in urlsplit(capture.final_url).path.split("/") if s]
    if len(segments) < 2 or not segments[-1].isdigit():
        return None
    if segments[-2].lower() != card.group(1).lower():
        return None
    return f"shows only a contact card for @{card.group(1)}, no post {segments[-1]}"


def removed_body_reason(readable: Readable | None) -> str | None:
    """A thread whose post is only its removal marker, with no discussion after it.

    A live thread may show "[deleted]" for a comment, but the conversation goes on
    after it in sentences; a removed post keeps its title and byline, and nothing of
    its own is said after the marker.
    """
    if not readable or not readable.text:
        return None
    # one scan in C each, not a split of every page
    line = _REMOVED_LINE.search(readable.text) or _REMOVED_INLINE.search(readable.text)
    if line is None:
        return None
    after = readable.text[line.end() :]
    if _prose_words(after) or _prose_words(readable.text) > REMOVED_PROSE_WORDS:
        return None
    return f"the post's body is “{line.group(1)}”"


# A result list's own word for having nothing to show, where the cited page was a
# search or a collection: what it listed is gone.
_EMPTY_RESULTS = re.compile(
    r"\bno (?:matching )?(?:results?|products?|items?|records?|entries|listings?|ads|jobs"
    r"|events|documents|matches|datasets|publications|vacancies|properties)\b"
    r"(?! (?:for|in) (?:this|that) )"
    r"|nothing (?:here )?match(?:es|ed) your (?:search|criteria)|0 results?\b"
    r"|your search (?:for .{1,80}? )?(?:did not|didn't) (?:match|return)"
    r"|(?:could not|couldn't|can't|cannot) find any (?:results|matches|products|items)"
    r"|search again (?:for )?what you are looking for"
    r"|no (?:hemos encontrado|se (?:han )?encontra\w+) (?:ningún )?(?:resultados?|productos?)"
    r"|sin resultados|no hay (?:resultados|productos|anuncios|noticias|entradas|artículos)"
    r"|ningún resultado|(?:публікацій|записів|матеріалів) не знайдено"
    r"|(?:публикаций|записей|материалов|статей) не найдено"
    r"|no produjo (?:ningún )?resultados?|non ha prodotto (?:alcun )?risultat\w*"
    r"|počet nalezených (?:dokumentů|záznamů|výsledků):?\s*0\b"
    r"|busque de nuevo lo que está buscando"
    r"|aucun(?:e)? (?:résultat|produit|article|annonce)s?\b"
    r"|keine (?:ergebnisse|treffer|produkte|artikel|einträge|anzeigen)\b|nichts gefunden"
    r"|nessun (?:risultato|prodotto)|nenhum (?:resultado|produto|anúncio)"
    r"|não (?:encontramos|foram encontrados) (?:resultados|produtos)"
    r"|(?:sua )?busca não retornou (?:nenhum )?resultados?"
    r"|não há [^.\n]{0,60}? que correspondam à sua busca"
    r"|geen (?:zoek)?resultaten|geen producten|brak wyników"
    r"|nie znaleziono (?:wyników|produktów|dokumentów|ogłoszeń|pozycji)"
    r"|žádné (?:výsledky|záznamy)|inga (?:resultat|träffar)"
    r"|ei löytynyt (?:yhtään )?(?:haku)?tulost(?:a|en)\b|nu există (?:niciun )?produs\w* care"
    r" să corespundă|nu au fost găsite (?:rezultate|produse)"
    r"|ничего не (?:найдено|нашлось)|нет результатов|нічого не (?:знайдено|збігається)"
    r"|немає результатів|sonuç bulunamadı|hiçbir sonuç"
    r"|لا توجد نتائج|لم يتم العثور على (?:أي )?نتائج"
    r"|검색\s?결과가 없습니다|검색된 결과가 없"
    r"|検索結果(?:は|が)(?:0件|ありません|見つかりませんでした)"
    r"|該当する\w{0,6}(?:は|が)(?:ありません|見つかりませんでした)"
    r"|(?:没有|未)找到(?:相关|符合|与[^。]{0,80}?相关)|沒有找到(?:相關|符合)|查無(?:資料|結果)|(?:无|無)搜(?:索|尋)結?果"
    r"|ไม่พบผลลัพธ์|không tìm thấy kết quả|tidak ada hasil|कोई परिणाम नहीं"
)
# A result list's address: a search (/search?q=, /?s=, opac-search.pl?q=, search.do,
# results.aspx?k=) or a collection of a shop.
_RESULTS_FILE = re.compile(r"(?:\w+[-_])?(?:search|results?)(?:[-_]\w+)?(?:\.\w{2,4})?")


def _cites_results(url: str) -> bool:
    if _is_search(url) or _listing_path(url):
        return True
    parts = urlsplit(url)
    if any(_SEARCH_PARAM.fullmatch(k.casefold()) and v.strip() for k, v in parse_qsl(parts.query)):
        return True
    return bool(parts.query) and any(
        _RESULTS_FILE.fullmatch(s) for s in parts.path.casefold().split("/")
    )


def empty_results_reason(readable: Readable | None, url: str) -> str | None:
    """A cited search or collection that now lists nothing: what it listed is gone.

    Only the page's own list can say so: its address must be a search or a collection,
    and the page short enough to be a result page (a long article mentioning "no
    results" is neither).
    """
    if not readable or not _cites_results(url):
        return None
    if _capped_word_count(readable.text, TITLE_BODY_WORDS) > TITLE_BODY_WORDS:
        return None
    for text in (readable.notice, readable.text):
        found = _unquoted(text.replace("’", "'").casefold(), _EMPTY_RESULTS)
        if found:
            return f"the results it cited are gone (“{_quote(found.group(0))}”)"
    return None


_DOMAIN_WORD = re.compile(r"\b(?:domain|domaine|dominio|domäne|domain-?name|домен)\w*")
_PARKING_WORD = re.compile(
    r"\b(?:sale|sell\w*|buy|offer|lease|expir\w*|renew\w*|regist\w*|parked|auction|vendre"
    r"|venta|verkauf\w*|kaufen|продаж\w*|прода[её]тся|истёк)\b"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Thai, Lao, Myanmar and Khmer write no spaces between words either, and their words are
# longer in letters (some four, vowel signs and tones counted): "ขออภัย เนื้อหานี้ถูกลบออก
# จากระบบแล้ว" is seven words, not two.
_SPACELESS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
SPACELESS_LETTERS = 4


def _unspaced_words(text: str) -> int:
    """Words the spaces do not show: two CJK characters, or four letters of Thai, one."""
    return len(_CJK.findall(text)) // 2 + len(_SPACELESS.findall(text)) // SPACELESS_LETTERS


def word_count(text: str) -> int:
    """Words in a text, counting the words of scripts that use no spaces by letters."""
    return len(text.split()) + _unspaced_words(text)


def _capped_word_count(text: str, cap: int) -> int:
    """``word_count(text)`` when that is at most ``cap``, else some number above ``cap``.

    Every caller only compares the count with a threshold, and counting the words of a
    whole article (twice) was most of the judging time of a page.
    """
    tokens = text.split(None, cap)
    if len(tokens) > cap:  # the split stopped early: at least cap + 1 words
        return cap + 1
    return len(tokens) + _unspaced_words(text)


def _parking(url: str, title: str, text: str) -> str | None:
    """A short page titled with the bare host name that speaks of the domain: parked.

    Registrars' parking and expiry pages carry no title but the domain name, and their
    few words are about the domain (for sale, expired, renew), not about any page on it.
    """
    host = (urlsplit(url).hostname or "").casefold()
    if not host or _is_home(url) or _capped_word_count(text, SHORT_BODY_WORDS) > SHORT_BODY_WORDS:
        return None
    if title.casefold().removeprefix("www.") != host.removeprefix("www."):
        return None
    if _DOMAIN_WORD.search(text) and _PARKING_WORD.search(text):
        return f"a parking page for the domain {host}"
    return None


_CODE_RE = re.compile(r"\b(?:404|410)\b")
BARE_TITLE_COVERAGE = 0.9


# A place after the error's words: a problem met somewhere ("Fehler 404 im Navi", "404
# error in Chrome", "Erreur 404 dans WordPress"), not the page's own message.
_PLACE_AFTER = re.compile(r"\s*[.,:]?\s*(?:im|in|dans|в|во|w|we)\s+\w")


def _located(title_part: str) -> bool:
    """Whether a folded title part's last error phrase is followed by where it occurs."""
    ends = [m.end() for m in _ANY_RE.finditer(title_part)]
    return bool(ends) and bool(_PLACE_AFTER.match(title_part, ends[-1]))


def _bare_error_title(title: str, named: frozenset[str]) -> bool:
    """A title part that is nothing but "404" or "Page not found": no article is called that.

    Such a title needs no second piece of evidence in a longer body (an error page padded
    with suggested stories); a title such as "Not Found", the name of an album, does.
    """
    if title.rstrip().endswith("?"):
        return False  # "What does 'Page not found' mean?" asks about the phrase
    for part in _title_parts(title):
        folded = part.replace("’", "'").casefold()
        letters = len(_ALNUM.findall(folded))
        if not letters:
            continue
        covered = sum(
            len(_ALNUM.findall(m.group(0)))
            for pattern in (_STRONG_RE, _CODE_RE)
            for m in pattern.finditer(folded)
            if not _named(m.group(0), named)
        )
        if covered / letters >= BARE_TITLE_COVERAGE:
            return True
    return False


# "Ошибка 404 (2022)", "Not Found (film)": the title of a work, not a message.


def _work_words(title: str) -> frozenset[str]:
    """The words of a work the title names ("Seite nicht gefunden (2024) - Reelbase"): the
    page is about it, so its heading and opening say its name, not an error."""
    words: set[str] = set()
    for part in _work_parts(_TITLE_SPLIT.split(title)):
        m = _WORK_TITLE.search(part)
        # the name is before a year ("… (2024)"), after a number ("Ep. 404: …")
        name = part if not m else part[m.end() :] if m.start() == 0 else part[: m.start()]
        words.update(_WORDS.findall(_fold(name)))
    return frozenset(words)


GENRE_WORDS = 3  # "Short Film (2023)": a kind of work and its year, naming no work


def _work_parts(parts: list[str]) -> list[str]:
    """The parts of a title that name a work: "Seite nicht gefunden (2024)", and the part
    before a bare kind and year ("ERROR 404 | Short Film (2023)")."""
    works: list[str] = []
    for i, part in enumerate(parts):
        kind = part.strip().casefold()
        if _GENRE.fullmatch(kind) or _GENRE_FIRST.match(kind):
            # "Ошибка 404. Как … | Документальный фильм", "404 — a short film about …"
            works += parts[i - 1 : i]
            continue
        if _GENRE_NOTE.search(kind):  # "… in Central Asia (full documentary)"
            works += parts[max(i - 1, 0) : i + 1]
            continue
        m = _WORK_TITLE.search(part)
        if not m:
            continue
        works.append(part)
        kind = part[: m.start()].strip().casefold()
        if i > 0 and (len(kind.split()) <= GENRE_WORDS or _GENRE_LAST.search(kind)):
            works.append(parts[i - 1])  # "404 | Psychological Thriller Short Film (2023)"
    return works


# A title part that says what kind of work the page is: the part before it is its name.
_GENRE = re.compile(
    r"(?:[\w-]+ )?(?:short |feature |documentary |animated )?(?:film|movie)|documentary"
    r"|(?:official |offizieller |final )?(?:trailer|teaser)"
    r"|(?:документальный |художественный |короткометражный )?фильм|трейлер"
    r"|(?:court|long)[- ]métrage|documentaire|(?:kurz|dokumentar|spiel)film"
    r"|película|documental|filme|cortometraje|cortometragem"
)

_GENRE_NOTE = re.compile(rf"\((?:full |complete )?(?:{_GENRE.pattern})\)$")
_GENRE_LAST = re.compile(rf"\b(?:{_GENRE.pattern})$")
_GENRE_FIRST = re.compile(rf"an? (?:{_GENRE.pattern})\b")
_WORK_TITLE = re.compile(
    r"\((?:19|20)\d\d\)|\((?:\d{4} )?(?:film|movie|song|album|novel|фильм|película|filme)\b"
    # a kind of work beside its year: "(Kurzfilm, 2023)", "(2021, documentary)"
    rf"|\((?:{_GENRE.pattern}),? (?:19|20)\d\d\)|\((?:19|20)\d\d,? (?:{_GENRE.pattern})\)"
    # any short kind beside a year: "(student short, 2025)", "(Netflix, 2021)"
    r"|\([^(),]{2,30}, (?:19|20)\d\d\)"
    # a numbered episode or chapter before its name: "Ep. 404: Not Found"
    r"|^\s*(?:ep(?:isode)?|part|chapter|ch|vol(?:ume)?|issue|folge|teil|épisode|capítulo"
    r"|episodio|выпуск|серия|глава)\.?\s*#?\d+\s*[:.–—]\s",
    re.IGNORECASE,
)


def _title_parts(title: str) -> list[str]:
    """The whole title and its parts ("Page title | Site name"), quotations and names of
    works left out."""
    unquoted = _QUOTED.sub(" … ", title)
    split = _TITLE_SPLIT.split(unquoted)
    works = _work_parts(split)
    return [p for p in [unquoted, *split] if p not in works and not _WORK_TITLE.search(p)]


def _lead(body: str) -> str:
    """The opening words of the text: where an error page says what it is."""
    kept: list[str] = []
    count = 0
    for line in body.splitlines():
        if count >= LEAD_WORDS:
            break
        kept.append(line)
        count += len(line.split())
    return "\n".join(kept)


def _placeholder(title: str, text: str, words: int, named: frozenset[str]) -> str | None:
    """A web server's default page or a parked domain where the cited page used to be.

    Apache's default page is long, so the title decides whatever the length; in the body
    the phrase must be the page's own on a page no longer than a parking page.
    """
    m = _unquoted(title, _PLACEHOLDER_RE, named)
    if m:
        return f"the page title says “{_quote(title)}”"
    if words <= TITLE_BODY_WORDS:
        m = _unquoted(text, _PLACEHOLDER_RE, named)
        if m:
            return f"the page says “{_quote(m.group(0))}”"
    return None


VANISHED_SIMILARITY = 0.3  # this little alike to the last run's content: not the same page
HEADING_WORDS = 20  # a first line longer than this is prose, not the page's heading


def vanished_reason(
    capture: Capture, readable: Readable | None, probe: Readable | None, previous: str | None
) -> str | None:
    """Content of the last run gone: the heading no longer named, and few words left.

    Repeated snapshots know what the page was. An item that was removed loses its
    name from the title and the opening while the site's frame stays, in any language;
    a live page (a news map, a feed) changes its text but keeps its heading, and a
    rewritten article keeps its words or many of its own.
    """
    if not readable or not previous or readable.declares or _is_home(capture.url):
        return None
    heading = previous.lstrip().split("\n", 1)[0]
    if len(heading.split()) > HEADING_WORDS:
        return None
    now_title = {_title_key(p) for p in _TITLE_SPLIT.split(readable.title)}
    # the site's name stays in both titles; the item's name is what is left
    parts = [p for p in _TITLE_SPLIT.split(heading) if _title_key(p) not in now_title]
    words = frozenset(w for w in _WORDS.findall(_fold(" ".join(parts))) if len(w) >= 4)
    if len(words) < 2:
        return None
    if _names_any(words, _fold(f"{readable.title} {_opening(readable.text)}")):
        return None
    if not _few_own_words(readable, probe):
        return None
    if _capped_word_count(previous, SITE_TITLE_WORDS) <= SITE_TITLE_WORDS:
        return None  # too little before to say that content vanished
    if similarity(normalize(previous), normalize(readable.text)) >= VANISHED_SIMILARITY:
        return None
    return f"its content of the last run (“{_quote(heading)}”) is gone, and few words remain"


def _title_key(part: str) -> str:
    return " ".join(part.split()).casefold()


# the notice model's score from which a short page is a notice: on batches 95-142, each
# round judged by a model trained on the rounds before it, 0.65 found 63 the rules missed
# for one live page taken (0.7: 53 for none; 0.6: 67 for four)
NOTICE_PROBABILITY = 0.65
# Below it, down to this score, the model is trusted only when the line it quotes is one
# short finished sentence ("Подію скасовано.", "Bilen er solgt."): what it then took for
# notices on pages it had not learnt were breadcrumbs, buttons, headings and handles.
NOTICE_SENTENCE_PROBABILITY = 0.55
NOTICE_SENTENCE_WORDS = 12
_SENTENCE_STOPS = (".", "!", "。", "！", "।")
NOTICE_OWN_WORDS = 200  # own words past which a page is more than its notice
NOTICE_LINE_WORDS = 4  # a line shorter than this is a heading or a price, not a notice
# of the pull towards "notice" past which the title decided: on batches 119-160, each
# round judged by a model trained on the rounds before it, asking for half instead of a
# sentence that outweighs the title found five more notices for no live page taken
NOTICE_TITLE_SHARE = 0.5
QUOTE_CHARS = 80  # of the line the reason quotes
NOTICE_LINE_SHARE = 0.1  # of the pull towards "notice" the quoted sentence must carry


def _is_front(url: str) -> bool:
    """The site's home page itself, not a shop's index.php?route=product&product_id=987."""
    return _is_home(url) and not urlsplit(url).query


# A folder whose pages are the lists of one tag or topic: /tag/lighthouse-restoration.
_TAG_FOLDER = re.compile(
    r"tags?|topics?|hubs?|categor(?:y|ies)|themen?|schlagworte?|etiquetas?|rubriques?"
    r"|rubric[ah]e?|temas?|tema|метки|теги?|тем[аы]|rubryk[ai]|kategori(?:a|e|en)?"
)

# A folder of help pages (segments come lowercased): they explain errors and expiry in
# a notice's own words.
_HELP_FOLDER = re.compile(
    r"help|faqs?|aide|hilfe|ayuda|ajuda|aiuto|hulp|pomoc|napoveda|segitseg"
    r"|справка|помощь|допомога|ヘルプ|帮助|도움말"
)


def _is_tag_page(url: str) -> bool:
    """The list of one tag or topic itself (/tag/x, /topics/x/), not an item under it."""
    segments = _segments(urlsplit(url).path)
    return len(segments) >= 2 and bool(_TAG_FOLDER.fullmatch(segments[-2]))


def _is_help_page(url: str) -> bool:
    """A page under a help folder (/help/expired-ads, /aide/annonces/expiree)."""
    return any(_HELP_FOLDER.fullmatch(seg) for seg in _segments(urlsplit(url).path)[:-1])


# A consent banner's sentence: what a site says of its cookies on every page.
_CONSENT = re.compile(r"\bcookies?\b|\bgdpr\b|\bconsent\b", re.IGNORECASE)
# A skip link, the first line of many accessible templates, error page or not: it says
# nothing of the page ("Skip to main content", "Zum Inhalt springen", "Ir para o conteúdo").
_SKIP_LINK = re.compile(
    r"(?:skip|jump|go) to (?:the )?(?:main )?(?:content|navigation)|zum inhalt|aller au contenu"
    r"|passer au contenu|ir (?:para|al) (?:o )?(?:conteúdo|contenido)|saltar al contenido"
    r"|vai al contenuto|passa al contenuto|naar (?:de )?inhoud|przejdź do treści|pomiń"
    r"|перейти к (?:основному )?содержани|перейти до (?:основного )?змісту|пропустить",
    re.IGNORECASE,
)


# A sentence too short for NOTICE_LINE_WORDS that is still one: "Автомобіль продано.",
# "Kegiatan ini dibatalkan." A heading or a menu item does not end with a full stop.
_SHORT_SENTENCE = re.compile(r"\w[\w'’-]*(?:\s+\w[\w'’-]*){1,2}\s*[.!。！]")


def _finished_and_short(line: str) -> bool:
    """A line that ends as a sentence ends, in at most NOTICE_SENTENCE_WORDS words: the
    shape of a notice under an item's title, not of a heading, a button or a breadcrumb."""
    line = line.strip()
    return line.endswith(_SENTENCE_STOPS) and (
        _capped_word_count(line, NOTICE_SENTENCE_WORDS) <= NOTICE_SENTENCE_WORDS
    )


def _quotable(line: str, title_keys: set[str]) -> bool:
    """A line the model's verdict can quote: a sentence of the page, not its title or a
    part of it, a menu item, a price, its cookie banner or its skip link.

    A sentence of two or three words is one only under a title, which names what it
    speaks of ("Автомобіль продано." under the car's name): alone, "The article." is a
    page too bare to call a notice or not.
    """
    short = bool(title_keys - {""}) and bool(_SHORT_SENTENCE.fullmatch(line.strip()))
    return (
        _title_key(line) not in title_keys
        and (_capped_word_count(line, NOTICE_LINE_WORDS) >= NOTICE_LINE_WORDS or short)
        and not _CONSENT.search(line)
        and not _SKIP_LINK.match(line.strip())
    )


# What a code host says of a project it still shows: archived, read-only, unmaintained.
# The model learnt such lines from removed items' pages, where "no longer" is the news.
_UPKEEP = re.compile(
    r"^archived\b|(?:repository|repo|project) (?:is |has been |was )?archived|\bread-only\b"
    r"|no longer (?:maintained|supported|developed)|superseded by"
    r"|(?:won't|will not) fix"
)
# ...unless the same line says the thing is gone: "archived and no longer available".
_GONE = re.compile(r"\b(?:removed|deleted|moved|retired|no longer available|closed (?:on|in))\b")


def model_reason(
    readable: Readable | None, probe: Readable | None, cited: str | None = None
) -> str | None:
    """A short page whose opening the notice model scores as a not-found or removed-item
    notice, when no rule spoke: the last word, after every rule.

    The model gives a page's whole opening one score, so it is only trusted where the
    page itself can be quoted for it and the rules have not already read it otherwise:
    - the score is at least NOTICE_PROBABILITY, or NOTICE_SENTENCE_PROBABILITY when the
      line quoted is a short finished sentence ("Подію скасовано.");
    - the page is short (own words outside the frame it shares with the host's
      random-path page), since a long article's opening may announce a story about a
      removal;
    - the line quoted is the sentence of the page that weighs most, not its title or a
      heading that repeats a part of it, a menu item or a price (a sentence of two or
      three words ends with a full stop: "Автомобіль продано."); and the title does not
      carry most of the pull: on a tiny page the title alone would decide ("Новости"
      above one sentence of news scores as a notice, since a news front is where
      removed articles are sent). Quoting the line that weighs most overall, and giving
      up when it was a title or a menu item, missed notices whose heading repeats the
      title ("Annonsen er ikke lenger aktiv" above "Den er enten solgt, utløpt eller
      fjernet av selger."); asking the sentence to outweigh the title missed events
      whose title names what the notice speaks of. The sentence must carry a tenth of
      the pull at least, or the reason would quote a line that is not what the model
      read as a notice;
    - nothing in what the model read is a notice's wording quoted, asked about, reported
      or explained, nor talk of HTTP errors: there the rules' reading of the sentence
      is the better one;
    - the sentence is not a cookie or consent banner's, which says nothing of the page
      (the model learnt banners as part of error pages, whose probes often failed);
    - the page is not a home page or a tag's list that was cited as such and answered
      without a redirect (`cited`, the address when there was none): the model learnt
      home pages and lists as where removed items are sent, so it reads a live front
      page or a tag's page as one; nor a help page (/help/…, /aide/…), which explains
      errors and expiry in a notice's own words.
    """
    if readable is None or (not readable.text and not readable.title):
        return None
    if cited is not None and (_is_front(cited) or _is_tag_page(cited) or _is_help_page(cited)):
        return None
    if own_words(readable, probe, NOTICE_OWN_WORDS) > NOTICE_OWN_WORDS:
        return None
    verdict = notice_model.score(readable, probe)
    if verdict is None or verdict.probability < NOTICE_SENTENCE_PROBABILITY:
        return None
    title = " ".join(readable.title.split())
    title_keys = {_title_key(part) for part in [title, *_TITLE_SPLIT.split(title)]}
    quotable = [(line, weight) for line, weight in verdict.pulls if _quotable(line, title_keys)]
    line, weight = max(quotable, key=lambda pair: pair[1], default=("", 0.0))
    if weight <= 0:
        return None
    if verdict.probability < NOTICE_PROBABILITY and not _finished_and_short(line):
        return None
    pull = sum(w for _, w in verdict.pulls if w > 0)
    if max((w for text, w in verdict.pulls if text == title), default=0.0) > (
        NOTICE_TITLE_SHARE * pull
    ):
        return None  # the title carries most of the pull: the title decided
    if weight < NOTICE_LINE_SHARE * pull:
        return None  # the sentence adds next to nothing: other lines decided
    read = verdict.read.replace("’", "'")
    if _ABOUT_HTTP.search(read) or _REPORTED.search(read) or "?" in read:
        return None
    if any(_mentioned(read, m) for m in _ANY_RE.finditer(read)):
        return None
    folded = line.casefold()
    if _UPKEEP.search(folded) and not _GONE.search(folded) and not _ANY_RE.search(folded):
        return None  # a project's state of upkeep, its code and text still there
    quoted = _quote(line, QUOTE_CHARS)
    return f"reads like a missing-item notice: “{quoted}” (model score {verdict.probability:.2f})"


def soft404_reason(
    capture: Capture,
    readable: Readable | None,
    probe: Readable | None,
    previous: str | None = None,
    section_probe: Readable | None = None,
    sibling_probe: Readable | None = None,
) -> str | None:
    """Why this 200 page is an error or landing page, or None when it looks like content.

    `previous` is the text of the last run's capture of the URL when that run found
    content there (None otherwise); `section_probe` what the page's folder answered
    for a random path (asked only for pages that `section_candidate` lets through);
    `sibling_probe` what the site answered for the page's `sibling_of` (asked for the
    pages `sibling_candidate` lets through).
    """
    return (
        redirect_reason(capture)
        or listing_reason(capture, readable)
        or counted_listing_reason(capture, readable)
        or topic_reason(capture, readable)
        or wiki_redirect_reason(readable)
        or elsewhere_reason(capture, readable)
        or probe_reason(capture, readable, probe)
        or section_reason(capture, readable, section_probe, probe)
        or sibling_reason(capture, readable, sibling_probe, probe)
        or wording_reason(readable, capture.url, probe)
        or notice_reason(readable, capture.url)
        or removed_body_reason(readable)
        or empty_results_reason(readable, capture.final_url)
        or contact_card_reason(capture, readable)
        or state_reason(capture, readable, probe)
        or site_title_reason(capture, readable, probe)
        or unnamed_reason(capture, readable, probe)
        or canonical_reason(capture, readable, probe)
        or empty_title_reason(capture, readable, probe)
        or vanished_reason(capture, readable, probe, previous)
        or model_reason(readable, probe, None if len(capture.hops) > 1 else capture.url)
    )
