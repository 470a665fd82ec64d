## Error pages.

error-not-found-title = Сторінку не знайдено
error-not-found = Сторінка, яку ви шукаєте, не існує або її видалено.
error-forbidden-title = Доступ заборонено
error-forbidden = У вас немає дозволу на цю дію.
error-login-required-title = Потрібен вхід
error-login-required = Увійдіть, щоб продовжити.
error-two-factor-required-title = Потрібен двофакторний вхід
error-two-factor-required = Ваша роль вимагає входу з другим фактором. Увімкніть його, щоб продовжити.
error-bad-request-title = Некоректний запит
error-bad-request = Не вдалося обробити запит.
error-unavailable-title = Тимчасово недоступно
error-unavailable = Сервіс зараз перевантажений. Будь ласка, спробуйте ще раз за хвилину.
error-too-large-title = Завелико
error-too-large = Надіслані дані більші, ніж приймає ця форма.
error-invalid-title = Не прийнято
error-invalid = Частину надісланого не прийнято.
error-method-not-allowed-title = Тут це неможливо
error-method-not-allowed = Ця адреса не приймає такий запит.
error-internal-title = Щось пішло не так
error-internal = На нашому боці сталася неочікувана помилка. Будь ласка, спробуйте пізніше.
error-reference = Якщо повідомлятимете нам про це, вкажіть, будь ласка, цей код: { $id }
error-search-jobs = Шукати вакансії
error-home = Головна сторінка

## Завантаження файлів
upload-error-cv-empty = Файл порожній. Виберіть резюме ще раз.
upload-error-cv-too-large = Файл більший за 10 МБ. Виберіть менший файл.
upload-error-cv-wrong-type = Цей файл не є документом PDF, DOCX чи ODT. Виберіть резюме в одному з цих форматів.
upload-error-cv-corrupt = Схоже, файл пошкоджено. Експортуйте резюме ще раз і виберіть новий файл.
upload-error-cut-short = Файл завеликий, тому решту форми не вдалося прочитати. Перевірте свої дані й виберіть менший файл.
upload-error-logo-empty = Файл порожній. Виберіть зображення ще раз.
upload-error-logo-too-large = Зображення більше за 5 МБ. Виберіть менше.
upload-error-logo-cut-short = Зображення більше за 5 МБ, тому поля після нього не прочитано: вони показують збережені значення. Перевірте їх і виберіть менше зображення.
upload-error-logo-wrong-type = Цей файл не є зображенням PNG, JPEG, WebP чи GIF.
upload-error-logo-corrupt = Схоже, зображення пошкоджено. Збережіть його ще раз і виберіть новий файл.
upload-error-logo-svg = Зображення SVG не приймаються (вони можуть містити скрипти). Виберіть версію PNG або WebP.
upload-error-logo-dimensions = Зображення більше за 4096 × 4096 пікселів. Виберіть менше.
error-unsupported-media-type-title = Непідтримуваний формат
error-unsupported-media-type = Ця адреса не приймає дані в цьому форматі.
error-not-acceptable-title = Неприйнятно
error-not-acceptable = Ця адреса не може відповісти в запитаному форматі.
error-status-conflict-title = Зараз неможливо
error-status-conflict = Статус запису не дозволяє цієї зміни.
error-stage-conflict-title = Зараз неможливо
error-stage-conflict = Етап заявки не дозволяє такого переходу.
