## Адмінпанель (/admin): показується мовою, яку обрав кожен адміністратор.

admin-title = Адмінпанель Hireboard
admin-nav-label = Адмінпанель
admin-nav-dashboard = Огляд
admin-nav-jobs = Вакансії
admin-nav-companies = Компанії
admin-nav-skills = Навички
admin-nav-applications = Заявки
admin-nav-comments = Коментарі
admin-nav-audit-log = Журнал змін
admin-nav-data-requests = Запити щодо даних
admin-nav-admin-users = Адміністратори
admin-breadcrumbs = Навігаційний ланцюжок
admin-language = Мова адмінпанелі
admin-language-save = Змінити
admin-locale-saved = Адмінпанель тепер розмовляє українською.
admin-logout = Вийти
admin-logout-everywhere = Вийти з усіх сеансів
admin-logged-out = Ви вийшли з системи.
admin-logged-out-everywhere = { $count ->
    [one] Завершено { $count } сеанс. Ви вийшли з системи на всіх пристроях.
    [few] Завершено { $count } сеанси. Ви вийшли з системи на всіх пристроях.
    [many] Завершено { $count } сеансів. Ви вийшли з системи на всіх пристроях.
   *[other] Завершено { $count } сеансу. Ви вийшли з системи на всіх пристроях.
}
admin-none = Поки що нічого немає.
admin-close = Закрити

admin-shortcuts-title = Гарячі клавіші
admin-shortcut-search = Пошук у цьому списку
admin-shortcut-new = Створити запис
admin-shortcut-help = Показати цю довідку

role-admin = Адміністратор
role-editor = Редактор
role-translator = Перекладач
role-viewer = Читач
role-recruiter = Рекрутер (роботодавець)

admin-login-title = Вхід
admin-login-email = Адреса електронної пошти
admin-login-password = Пароль
admin-login-submit = Увійти
admin-login-invalid = Неправильна адреса електронної пошти або пароль.
admin-login-unverified = Спершу підтвердьте адресу: відкрийте посилання, яке ми надіслали під час реєстрації.
admin-login-locked = Забагато невдалих спроб: цей обліковий запис заблоковано на 15 хвилин.
admin-login-rate-limited = Забагато спроб входу з вашої мережі. Зачекайте, будь ласка, кілька хвилин.

admin-dashboard-figures = Ключові показники
admin-dashboard-open-postings = відкриті вакансії
admin-dashboard-drafts = чернетки очікують перевірки
admin-dashboard-applications-week = заявки цього тижня
admin-dashboard-chart-title = Опубліковані вакансії за тижнями
admin-dashboard-chart-summary = { $weeks ->
    [one] За останній { $weeks } тиждень опубліковано вакансій: { $count }.
    [few] За останні { $weeks } тижні опубліковано вакансій: { $count }.
    [many] За останні { $weeks } тижнів опубліковано вакансій: { $count }.
   *[other] За останні { $weeks } тиж. опубліковано вакансій: { $count }.
}
admin-dashboard-top-skills = Найпопулярніші навички у відкритих вакансіях
admin-dashboard-recent-applications = Останні заявки
admin-col-applicant = Кандидат
admin-col-posting = Вакансія
admin-col-stage = Етап
admin-col-received = Отримано

admin-new = Створити
admin-scopes = Швидкі фільтри
admin-scope-all = Усі
admin-scope-hiring = З відкритими вакансіями
admin-per-page = На сторінці
admin-apply = Застосувати
admin-index-empty = Немає записів, що відповідають цим фільтрам.
admin-pagination = Сторінки
admin-previous = Попередня
admin-next = Наступна
admin-total-records = { $count ->
    [one] { $count } запис
    [few] { $count } записи
    [many] { $count } записів
   *[other] { $count } запису
}
admin-filters = Фільтри
admin-filter-op = Спосіб порівняння
admin-filter-op-contains = містить
admin-filter-op-equals = дорівнює
admin-filter-op-starts_with = починається з
admin-filter-any = Будь-яке значення
admin-filter-yes = Так
admin-filter-no = Ні
admin-filter-from = Від
admin-filter-to = До
admin-filter-association-hint = Введіть назву
admin-filter-apply = Фільтрувати
admin-filter-clear = Скинути фільтри

admin-field-title = Назва
admin-field-company = Компанія
admin-field-status = Статус
admin-field-workplace = Формат роботи
admin-field-city = Місто
admin-field-country = Країна
admin-field-skill = Навичка
admin-field-name = Назва
admin-field-person-name = Ім’я
admin-field-website = Вебсайт
admin-field-has-website = Має вебсайт
admin-field-has-salary = Зазначено зарплату
admin-field-salary-min = Мінімальна зарплата
admin-field-published-at = Опубліковано
admin-field-updated-at = Оновлено
admin-field-created-at = Створено

status-draft = Чернетка
status-published = Опубліковано
status-expired = Термін минув
status-filled = Заповнено
status-archived = В архіві
status-pending_review = На перевірці
admin-field-email = Адреса електронної пошти
admin-field-role = Роль
admin-field-locked = Заблоковано
admin-field-last-login = Останній вхід

admin-view-public = Переглянути на сайті
admin-panel-posting = Вакансія
admin-panel-dates = Дати
admin-panel-content = Вміст
admin-panel-company = Компанія
admin-panel-postings = Вакансії
admin-panel-account = Обліковий запис
admin-field-slug = Ідентифікатор в URL
admin-field-language = Мова
admin-field-salary = Зарплата
admin-field-skills = Навички
admin-field-valid-through = Прийом заявок до
admin-field-summary = Короткий опис
admin-field-responsibilities = Обов’язки
admin-field-requirements = Вимоги
admin-field-benefits = Переваги
admin-field-posting = Вакансія
admin-field-size = Розмір компанії
admin-field-description = Опис
admin-field-failed-logins = Невдалі спроби входу поспіль
admin-field-locked-until = Заблоковано до

admin-comments = Коментарі
admin-comments-none = Коментарів ще немає.
admin-comment-new = Додати коментар
admin-comment-submit = Надіслати коментар
admin-comment-added = Ваш коментар додано.
admin-comment-empty = Коментар не може бути порожнім.
admin-comment-too-long = Коментар може містити щонайбільше 5 000 символів.
admin-comment-former-user = Колишній користувач

admin-history = Історія змін
admin-history-none = Змін ще не зафіксовано.
admin-history-field = Поле
admin-history-before = Було
admin-history-after = Стало
admin-history-create = { $actor }: створено { $record }
admin-history-update = { $actor }: змінено { $record }
admin-history-delete = { $actor }: видалено { $record }
admin-history-status = { $actor }: змінено статус { $record }

admin-confirm = Ви впевнені?
admin-action-publish = Опублікувати
admin-action-unpublish = Зняти з публікації
admin-action-fill = Позначити як заповнену
admin-action-archive = Архівувати
admin-status-changed = Вакансія тепер має статус «{ $status }».
admin-status-not-allowed = Вакансію зі статусом «{ $from }» не можна перевести в статус «{ $to }».

admin-cancel = Скасувати
admin-action-delete = Видалити
admin-batch-label = З вибраними рядками
admin-batch-apply = Виконати
admin-batch-select-all = Вибрати всі рядки на цій сторінці
admin-batch-select = Вибрати рядок
admin-batch-none-selected = Спершу виберіть принаймні один рядок.
admin-batch-too-many = За один раз можна змінити щонайбільше { $max } рядків.
admin-batch-confirm-title = Підтвердьте дію
admin-batch-confirm = { $action }: { $count }?
admin-batch-done = { $action }: { $count } — виконано.
admin-batch-skipped = { $count ->
    [one] { $count } запис залишився без змін: дія до нього не застосовна.
    [few] { $count } записи залишилися без змін: дія до них не застосовна.
    [many] { $count } записів залишилися без змін: дія до них не застосовна.
   *[other] { $count } записи залишилися без змін: дія до них не застосовна.
}
admin-export = Завантажити відфільтрований список:
admin-field-id = ID
admin-field-employment-type = Тип зайнятості
admin-field-seniority = Рівень
admin-field-salary-max = Максимальна зарплата
admin-field-salary-currency = Валюта

admin-scope-unused = Невикористані
admin-panel-skill = Навичка
admin-panel-applicant = Кандидат
admin-panel-pipeline = Етапи відбору
admin-panel-entry = Запис
admin-panel-changes = Зміни
admin-panel-comment = Коментар
admin-field-phone = Телефон
admin-field-cover-letter = Супровідний лист
admin-field-consent-at = Згоду надано
admin-field-rejection-reason = Причина відмови
admin-field-when = Коли
admin-field-actor = Хто
admin-field-action = Дія
admin-field-resource = Тип запису
admin-field-record = Запис
admin-field-author = Автор
admin-field-comment = Коментар
admin-audit-action-create = Створено
admin-audit-action-update = Змінено
admin-audit-action-delete = Видалено
admin-audit-action-status = Змінено статус
admin-audit-action-unsubscribe = Відписано
application-status-new = Нова
application-status-reviewing = На розгляді
application-status-interview = Співбесіда
application-status-offer = Пропозиція
application-status-hired = Прийнято
application-status-rejected = Відхилено
application-status-withdrawn = Відкликано
admin-stage-to-reviewing = Почати розгляд
admin-stage-to-interview = Запросити на співбесіду
admin-stage-to-offer = Зробити пропозицію
admin-stage-to-hired = Позначити як прийнятого
admin-stage-to-rejected = Відхилити
admin-stage-to-withdrawn = Позначити як відкликану
admin-stage-changed = Заявка тепер на етапі: { $stage }.
admin-stage-not-allowed = Заявку з етапу «{ $from }» не можна перевести на «{ $to }».
admin-stage-reason-missing = Вкажіть причину відмови.
admin-stage-reason-too-long = Причина може містити щонайбільше { $max } символів.
admin-board-title = Дошка заявок
admin-board-list = Показати списком
admin-board-view = Показати дошкою
admin-board-truncated = Показано лише { $max } найновіших заявок; застосуйте фільтр, щоб побачити інші.
admin-views = Збережені подання
admin-views-none = Збережених подань ще немає.
admin-view-name = Зберегти це подання як
admin-view-save = Зберегти подання
admin-view-delete = Видалити збережене подання
admin-view-saved = Подання «{ $name }» збережено.
admin-view-deleted = Збережене подання видалено.
admin-view-name-missing = Дайте поданню назву.
admin-view-name-too-long = Назва подання може містити щонайбільше { $max } символів.
admin-view-too-many = Можна зберегти щонайбільше { $max } подань одного списку.
admin-action-merge = Об’єднати з іншою навичкою
admin-merge-into = Об’єднати з (назва навички, яка залишиться)
admin-merge-target-missing = Навички з такою назвою немає; нічого не змінено.
admin-batch-input-missing = Заповніть поле, щоб продовжити.
admin-invite-title = Запросити користувача
admin-invite-intro = Новий користувач отримає одноразове посилання, щоб задати пароль; воно діє 72 години.
admin-invite-submit = Створити запрошення
admin-invite-done = Запрошення створено. Надішліть це одноразове посилання новому користувачеві (воно показується лише зараз): { $link }
admin-invite-email-invalid = Введіть дійсну адресу електронної пошти.
admin-invite-email-taken = Користувач із такою адресою вже існує.
admin-password-title = Задайте пароль
admin-password-new = Новий пароль (щонайменше 12 символів)
admin-password-confirm = Повторіть пароль
admin-password-submit = Задати пароль
admin-password-set = Пароль задано. Тепер можна увійти.
password-too-short = Пароль має містити щонайменше { $min } символів.
password-too-long = Пароль може містити щонайбільше { $max } символів.
password-common = Цей пароль є у списках поширених паролів, які зловмисники пробують першими. Будь ласка, оберіть інший.
password-pattern = Ряди клавіш, повтори та послідовності на кшталт «abc» чи «1234» легко вгадати. Будь ласка, оберіть інший пароль.
password-dates = Роки та дати легко вгадати. Будь ласка, оберіть інший пароль.
password-words = Окремі слова, імена та ваша власна адреса легко вгадуються. Кілька не пов'язаних між собою слів — гарний пароль.
password-guessable = Цей пароль легко вгадати. Кілька не пов'язаних між собою слів — гарний пароль.
admin-password-mismatch = Паролі не збігаються.
admin-password-link-invalid = Посилання застаріло або вже використане. Попросіть адміністратора про нове запрошення.

## New and edit forms
admin-field-remote-countries = Віддалено з
admin-field-latitude = Широта
admin-field-longitude = Довгота
admin-field-salary-period = Період оплати
admin-new-title = { $resource }: новий запис
admin-edit = Редагувати
admin-edit-title = Редагування: { $record }
admin-form-create = Створити
admin-form-save = Зберегти зміни
admin-form-details = Відомості
admin-form-content = Текст і переклади
admin-form-errors = { $count ->
    [one] { $count } поле потребує уваги
    [few] { $count } поля потребують уваги
    [many] { $count } полів потребують уваги
   *[other] { $count } поля потребують уваги
}
admin-form-translate-only = Ви можете змінювати переклади. Інші поля для вашої ролі лише для читання.
admin-tab-original = { $language } (оригінал)
admin-tab-original-new = Оригінальний текст
admin-translation-missing = відсутній
admin-translation-outdated = застарів
admin-translation-current = актуальний
admin-translation-confirm = Цей переклад досі відповідає оригіналу
admin-created = { $resource }: запис створено.
admin-saved = Зміни збережено.
admin-deleted = Видалено.
admin-delete-title = Видалення: { $record }
admin-delete-question = Видалити «{ $record }»? Цю дію не можна скасувати.
admin-delete-refused-applications = На цю вакансію є заявки, тому її не можна видалити. Натомість заархівуйте її.
admin-delete-refused-postings = Ця компанія має вакансії, тому її не можна видалити. Спершу видаліть її вакансії.
admin-preview = Попередній перегляд
admin-action-duplicate = Дублювати
admin-duplicated = Копію створено як чернетку. Перегляньте її перед публікацією.
admin-shortcut-edit = Редагувати запис
admin-hint-association = Почніть вводити, щоб побачити підказки, або введіть #id.
admin-hint-original-locale = Мова, якою написано текст. Згодом її не можна змінити.
admin-hint-slug = Адреса запису на сайті. Якщо залишити порожнім, її буде створено з назви.
admin-hint-remote-countries = Для віддаленої роботи: коди країн через кому, наприклад DE, AT.
admin-hint-skills = Через кому, наприклад Rust, PostgreSQL.
admin-hint-one-per-line = Один пункт на рядок.
admin-hint-company-size = Кількість працівників, наприклад 51-200.
admin-hint-skill-name = Перейменування змінює пошукову адресу навички.
admin-error-required = Це поле обов’язкове.
admin-error-too-long = Не більше { $max } символів.
admin-error-choice = Виберіть один із варіантів.
admin-error-integer = Введіть ціле число.
admin-error-decimal = Введіть число в допустимих межах.
admin-error-date = Введіть дату у форматі РРРР-ММ-ДД.
admin-error-date-range = Виберіть день між 1970 і 2037 роками.
admin-error-url = Введіть повну вебадресу, що починається з https://.
admin-error-invalid = Це значення недійсне.
admin-error-translation-is-original = Це мова оригіналу: напишіть цей текст у вкладці оригіналу.
admin-error-no-match = Немає нічого з назвою «{ $name }». Виберіть підказку або введіть #id.
admin-error-ambiguous = Кілька записів мають назву «{ $name }». Введіть #id, щоб вибрати один.
admin-error-city-required = Потрібне місто, якщо вакансія не віддалена.
admin-error-country-code = «{ $code }» не є кодом країни (ISO 3166, наприклад DE).
admin-error-coordinates = Вкажіть і широту, і довготу, або жодну з них.
admin-error-negative = Введіть нуль або більше.
admin-error-salary-range = Максимум не може бути меншим за мінімум.
admin-error-salary-needs = Потрібно, якщо вказано зарплату.
admin-error-too-many = Не більше { $max }.
admin-error-item-too-long = «{ $item }» задовге.
admin-error-skill-name = Назва потребує принаймні однієї латинської літери або цифри.
admin-error-skill-taken = Навичка з такою назвою вже існує. Щоб об’єднати дві навички, скористайтеся дією «Об’єднати з» у списку навичок.
admin-error-slug = Лише малі літери, цифри та дефіси.
admin-error-taken = Це вже зайнято.
admin-hint-role = Адміністратори керують усім, зокрема користувачами; редактори — вмістом і заявками; перекладачі редагують переклади; глядачі лише читають; рекрутери працюють лише для своїх компаній.
admin-error-last-admin = Дошці потрібен принаймні один адміністратор: спершу призначте адміністратором когось іншого.
admin-field-companies = Компанії
admin-hint-companies = Для рекрутерів: компанії, для яких вони працюють, за назвою або #id, через кому.
admin-error-recruiter-company = Рекрутер працює принаймні для однієї компанії.
admin-error-companies-for-recruiters = Лише рекрутери належать до компаній: залиште поле порожнім або зробіть користувача рекрутером.
admin-delete-refused-last-admin = Це останній адміністратор, тому його не можна видалити. Спершу призначте адміністратором когось іншого.

## Background tasks
admin-nav-tasks = Завдання
task-state-queued = У черзі
task-state-retrying = Повтор
task-state-running = Виконується
task-state-done = Виконано
task-state-dead = Невдалі
admin-field-task-kind = Тип
admin-field-queue = Черга
admin-field-attempts = Спроби
admin-field-run-at = Запуск о
admin-field-last-error = Остання помилка
admin-field-priority = Пріоритет
admin-field-dedup-key = Ключ унікальності
admin-field-worker = Обробник
admin-field-lease-until = Зарезервовано до
admin-field-started-at = Почато
admin-field-finished-at = Завершено
admin-field-arguments = Аргументи
admin-field-errors = Помилки, найновіші спершу
admin-panel-task = Завдання
admin-panel-arguments = Аргументи
admin-panel-errors = Помилки
task-attempt = Спроба { $attempt }
admin-action-retry-now = Повторити зараз
admin-action-discard = Відкинути
admin-action-retry-all-dead = Повторити всі невдалі
admin-task-unchanged = Це завдання не можна змінити в поточному стані.
admin-task-discarded = Завдання відкинуто.
admin-task-retried = Завдання виконається, щойно звільниться обробник.
admin-tasks-retried = { $count ->
    [one] { $count } невдале завдання виконається знову.
    [few] { $count } невдалі завдання виконаються знову.
    [many] { $count } невдалих завдань виконаються знову.
   *[other] { $count } невдалого завдання виконаються знову.
}
task-schedule-expire-postings = Переводить опубліковані вакансії після дати закриття в статус «минула».
task-schedule-expiry-reminders = Нагадує рекрутерам за 7 днів і за 1 день до закриття їхніх вакансій, з посиланням для подовження.
task-schedule-purge-tasks = Видаляє виконані завдання, старші за сім днів.
task-schedule-optimize-database = Щогодини оновлює статистику бази даних, щоб списки й надалі використовували індекси, коли таблиці ростуть.
admin-tasks-overview = Огляд і розклад
admin-tasks-all = Усі завдання
admin-tasks-by-queue = За чергами
admin-tasks-throughput = Завершено за останні 24 години (UTC)
admin-tasks-hour = { $hour }: { $counts }
admin-tasks-chart-summary = За останні 24 години: виконано { $done }, невдалих { $dead }.
admin-tasks-schedule = Регулярні завдання
admin-schedule-hint = Вирази cron в UTC: хвилина, година, день місяця, місяць, день тижня. Наприклад, */5 * * * * запускається кожні п’ять хвилин.
admin-schedule-cron = Розклад
admin-schedule-enabled = Увімкнено
admin-schedule-last-run = Останній запуск
admin-schedule-next-run = Наступний запуск
admin-schedule-off = вимкнено
admin-schedule-never = ніколи
admin-schedule-saved = Розклад збережено.
admin-schedule-invalid = «{ $expression }» не є дійсним розкладом: { $error }. Нічого не змінено.

## Outbox
admin-nav-outbox = Вихідні
admin-field-subject = Тема
admin-field-to = Кому
admin-field-headers = Заголовки
admin-field-html-version = HTML-версія
admin-outbox-open-html = Відкрити HTML-версію
admin-field-text-version = Текст
admin-panel-message = Повідомлення
admin-panel-text-version = Звичайний текст
admin-field-contact-email = Контакт для заявок
admin-hint-contact-email = Сюди надходитимуть повідомлення про нові заявки на вакансії компанії.
admin-error-email = Введіть адресу електронної пошти, наприклад jobs@example.com.

## Webhooks
webhook-error-url = Це не вебадреса ({ $detail }).
webhook-error-scheme = Вебхуки надсилаються лише на адреси http:// або https://, а не { $detail }.
webhook-error-credentials = Облікові дані зберігайте в секреті, а не в адресі.
webhook-error-resolve = Не вдалося знайти хост ({ $detail }).
webhook-error-private = Ця адреса веде до приватної мережі ({ $detail }); вебхуки надсилаються лише на публічні адреси.
admin-nav-webhooks = Вебхуки
admin-nav-webhook-deliveries = Доставки вебхуків
admin-field-url = Адреса
admin-field-events = Події
admin-field-secret = Секрет підпису
admin-field-deliveries = Останні доставки
admin-field-event = Подія
admin-field-duration = Тривалість
admin-field-payload = Вміст
admin-panel-webhook = Кінцева точка
admin-panel-deliveries = Доставки
admin-panel-delivery = Доставка
admin-scope-failed = Невдалі
admin-webhook-on = Увімкнено
admin-webhook-off = Вимкнено
admin-hint-webhook-url = Куди надсилати події. Лише публічні адреси https:// або http://.
admin-hint-webhook-events = Через кому: job.published, job.updated, job.expired, application.created, application.stage_changed, або * для всіх.
admin-error-event-kind = «{ $kind }» не є подією, яку надсилає ця дошка.
admin-action-replay = Надіслати знову
admin-webhook-replayed = Подію буде надіслано знову.
admin-action-rotate-secret = Замінити секрет
admin-action-webhook-ping = Надіслати тестову подію
admin-webhook-pinged = Тестова подія (webhook.ping) вже в дорозі; її доставка за мить з’явиться нижче.
admin-error-webhook-limit = На цій дошці вже { $max } кінцевих точок вебхуків — це найбільша кількість. Видаліть одну або підпишіть наявну на більше подій.
admin-webhook-secret-rotated = Кінцева точка отримала новий секрет. Протягом 24 годин доставки підписуються також старим, щоб отримувач міг перейти без втрат.
admin-webhook-replay-pending = Доставка цієї події на цю кінцеву точку вже очікує.

## Сповіщення про вакансії
admin-nav-alerts = Сповіщення про вакансії
admin-field-search = Пошук
admin-field-frequency = Частота
admin-field-confirmed-at = Підтверджено
admin-field-last-sent-at = Останній лист
admin-field-sent-count = Надіслано вакансій
admin-panel-alert = Сповіщення
admin-scope-active = Активні
admin-scope-pending = Очікують підтвердження
admin-scope-unsubscribed = Відписані
admin-action-unsubscribe = Відписати
alert-status-active = Активне
alert-status-pending = Очікує підтвердження
alert-status-unsubscribed = Відписане
task-schedule-alerts-instant = Надсилає миттєві сповіщення, пропущені під час публікації.
task-schedule-alerts-daily = Надсилає щоденні добірки сповіщень.
task-schedule-alerts-weekly = Надсилає щотижневі добірки сповіщень.

## Завантаження
admin-field-cv = Резюме
admin-no-cv = Резюме не додано
admin-file-size-kb = { $size } КБ

task-schedule-purge-uploads = Видаляє збережені файли (резюме, логотипи), на які вже ніщо не посилається.
task-schedule-purge-applications = Видаляє заявки (з резюме та нотатками), які не змінювалися довше за строк зберігання.
admin-field-logo = Логотип
admin-hint-logo = PNG, JPEG, WebP або GIF, до 5 МБ і 4096 × 4096 пікселів. Показується на сторінці компанії та в її вакансіях.
admin-logo-of = Логотип { $name }
admin-image-remove = Видалити поточне зображення

## Двофакторний вхід
admin-login-code-title = Введіть код
admin-login-code-label = Код
admin-login-code-hint = 6-значний код, який ваш застосунок-автентифікатор показує для Hireboard, або один із ваших резервних кодів.
admin-login-code-submit = Підтвердити
admin-login-code-start-over = Увійти з іншим обліковим записом
admin-login-code-invalid = Цей код неправильний або вже використаний. Дочекайтеся наступного й спробуйте ще раз.
admin-login-code-expired = Вхід тривав надто довго. Введіть пароль ще раз.
admin-recovery-code-used = { $count ->
    [0] Ви увійшли з останнім резервним кодом. Створіть нові на сторінці двофакторного входу зараз.
    [one] Ви увійшли з резервним кодом; залишився { $count }. Створіть нові на сторінці двофакторного входу.
    [few] Ви увійшли з резервним кодом; залишилося { $count }.
    [many] Ви увійшли з резервним кодом; залишилося { $count }.
   *[other] Ви увійшли з резервним кодом; залишилося { $count }.
}
admin-two-factor-link = Двофакторний вхід
admin-two-factor-title = Двофакторний вхід
admin-two-factor-required = Ваша роль вимагає входу з другим фактором. Увімкніть його, щоб продовжити.
admin-two-factor-enrol-title = Увімкнути двофакторний вхід
admin-two-factor-step-app = Установіть на телефон застосунок-автентифікатор (наприклад, FreeOTP, Aegis, Google Authenticator або 1Password).
admin-two-factor-step-scan = Відскануйте цей QR-код застосунком.
admin-two-factor-step-type = Або введіть у застосунок цей ключ:
admin-two-factor-step-code = Введіть 6-значний код, який тепер показує застосунок.
admin-two-factor-qr-alt = QR-код для вашого застосунку-автентифікатора
admin-two-factor-code = Код із застосунку
admin-two-factor-code-or-recovery = Код із застосунку або резервний код
admin-two-factor-enable = Увімкнути
admin-two-factor-code-wrong = Цей код неправильний або вже використаний. Перевірте час на телефоні й спробуйте наступний код.
admin-two-factor-locked = Забагато неправильних кодів: ваш обліковий запис заблоковано на 15 хвилин.
admin-two-factor-enabled = Двофакторний вхід увімкнено. Відтепер ви входите з паролем і кодом.
admin-two-factor-codes-title = Ваші резервні коди
admin-two-factor-codes-intro = Якщо ви втратите телефон, кожен із цих кодів один раз дасть змогу увійти. Збережіть їх у надійному місці зараз (у менеджері паролів або на папері): вони показуються лише цей раз.
admin-two-factor-codes-saved = Я зберіг(-ла) свої коди
admin-two-factor-codes-replaced = Нові резервні коди готові; старі більше не діють.
admin-two-factor-on-title = Двофакторний вхід увімкнено
admin-two-factor-on-since = Увімкнено з { $since }.
admin-two-factor-codes-left = { $count ->
    [0] У вас не залишилося резервних кодів. Створіть нові.
    [one] У вас { $count } невикористаний резервний код.
    [few] У вас { $count } невикористані резервні коди.
    [many] У вас { $count } невикористаних резервних кодів.
   *[other] У вас { $count } невикористаного резервного коду.
}
admin-two-factor-codes-heading = Резервні коди
admin-two-factor-disable-heading = Вимкнути двофакторний вхід
admin-two-factor-disable-hint = Без нього для входу достатньо лише пароля. Підтвердьте поточним кодом.
admin-two-factor-new-codes = Створити нові резервні коди
admin-two-factor-disable = Вимкнути
admin-two-factor-disabled = Двофакторний вхід вимкнено.
admin-field-two-factor = Двофакторний вхід з
admin-action-reset-two-factor = Скинути двофакторний вхід
admin-two-factor-reset-done = Двофакторний вхід цього користувача вимкнено. Він входить із паролем і може налаштувати його знову.
admin-two-factor-reset-none = Цей користувач не мав двофакторного входу; нічого не змінено.
admin-two-factor-value-on = Увімкнено
admin-two-factor-value-off = Вимкнено
admin-board-move = Перемістити
admin-board-move-label = Перемістити { $name } до
admin-board-hint = Переміщуйте картку її меню або перетягуйте в іншу колонку. Для відмови причину запитують на сторінці заявки.
admin-stage-confirm = Перемістити { $name } до «{ $stage }»?
admin-stage-reason-hint = Причину бачить лише ваша команда; кандидатові її не повідомляють.
admin-search-title = Пошук
admin-search-label = Пошук в адмін-панелі
admin-search-placeholder = Пошук…
admin-search-hint = Вакансії за назвою, адресою або #номером, компанії за назвою, заявки за ім’ям або email, користувачі за email.
admin-search-nothing = Нічого не знайдено за запитом «{ $q }».
admin-search-more = Переглянути всі в списку
admin-search-submit = Шукати
admin-field-translations = Переклади

## API tokens
admin-nav-api-tokens = API-токени
admin-field-token = Токен
admin-field-scopes = Дозволи
admin-field-expires-at = Діє до
admin-field-last-used-at = Востаннє використано
admin-field-last-used-from = Востаннє використано з
admin-field-revoked-at = Відкликано
admin-field-example = Запит із ним
admin-panel-api-token = API-токен
admin-panel-api-usage = Використання
admin-token-active = Активний
admin-token-expired = Термін минув
admin-token-revoked = Відкликаний
admin-token-every-company = Усі компанії
admin-action-revoke = Відкликати
admin-token-revoked-notice = Токен відкликано: його наступний запит буде відхилено.
admin-token-already-revoked = Цей токен уже відкликано.
admin-hint-token-company = Необов’язково для команди сайту (рекрутер вибирає одну зі своїх компаній). Токен для однієї компанії бачить і змінює лише її вакансії та заявки.
admin-hint-token-expires = Необов’язково. Токен перестає діяти наприкінці цього дня.
admin-error-token-expiry = Виберіть день у майбутньому.
admin-error-token-own-company = Виберіть одну зі своїх компаній: ваші токени діють лише для неї.
admin-field-token-reviewed = Вакансії проходять перевірку
admin-secret-once = Скопіюйте токен зараз: його показано лише цього разу.
admin-secret-copy = Копіювати
admin-secret-copied = Скопійовано

## Places
admin-nav-places = Місця
admin-panel-place = Місце
admin-field-country-code = Код країни
admin-field-population = Населення
admin-field-geonames-id = Ідентифікатор GeoNames
admin-field-names = Назви іншими мовами
admin-field-coordinates = Координати
admin-hint-country-code = Дві літери за ISO 3166-1 (DE, UA, AT).
admin-hint-population = Визначає, яке місце мається на увазі, коли кілька мають однакову назву: найбільше.
admin-error-country-code-format = Вкажіть країну двома літерами, наприклад DE.
admin-scope-untranslated = Бракує назв
admin-delete-refused-place = У цьому місці є вакансії або компанії, тому його не можна видалити.
admin-field-street-address = Вулиця та номер будинку
admin-hint-street-address = Необов'язково. Позначте точку на карті нижче (або введіть координати); без адреси використовується точка міста.
admin-map-find = Знайти місце
admin-map-label = Карта: клацніть або перетягніть позначку, щоб задати точку
admin-map-hint = Знайдіть місце або клацніть на карті; позначку можна перетягнути. Поля широти й довготи оновляться.
admin-map-unavailable = Не вдалося завантажити карту; введіть широту й довготу вручну.
admin-map-set = Точку задано: { $lat }, { $lon }.

## Translations: the translators' workspace
admin-nav-translations = Переклади
translations-intro = Кожне повідомлення сайту й адмінпанелі поруч з англійським. Збережені тексти відразу з'являються на кожному сервері; завантажте файли мови, щоб додати їх до репозиторію.
translations-language = Мова
translations-progress = Поступ
translations-percent-done = Готово { $percent } %
translations-file = Файл
translations-files = Файли
translations-download = Завантажити { $file }
translations-source-language = Мова оригіналу
translations-state = Стан
translations-state-missing = Бракує
translations-state-untranslated = Як англійською
translations-state-outdated = Застарілий
translations-state-done = Готово
translations-state-all = Будь-який стан
translations-file-all = Будь-який файл
translations-search = Текст або ідентифікатор
translations-filter = Фільтрувати
translations-english = Англійська
translations-translation = Переклад
translations-id = Ідентифікатор повідомлення
translations-edit = Редагувати
translations-edited = Змінено тут
translations-count =
    { $count ->
        [one] { $count } повідомлення
        [few] { $count } повідомлення
        [many] { $count } повідомлень
       *[other] { $count } повідомлення
    }
translations-none-match = Жодне повідомлення не відповідає цим фільтрам.
translations-editing = { $id } — { $language }
translations-english-source = Англійський оригінал
translations-note = Примітка для перекладачів
translations-text = Текст
translations-text-hint = Синтаксис Fluent, як у файлі .ftl: залиште змінні, наприклад { "{" } $count { "}" }; багаторядкові варіанти мають відступ.
translations-variables = Змінні
translations-variables-none = Це повідомлення не має змінних.
translations-plural-forms = Форми множини цієї мови
translations-preview = Попередній перегляд
translations-preview-button = Переглянути
translations-save-button = Зберегти
translations-revert-button = Повернути текст із поставки
translations-preview-with = Для { $values }:
translations-saved = «{ $id }» ({ $language }) збережено.
translations-reverted = «{ $id }» ({ $language }) знову має текст із поставки.
translations-unchanged = Нічого зберігати: це текст із поставки.
translations-shipped = Текст із поставки
translations-saved-by = Зберіг(ла) { $name }, { $date }
translations-back = Усі повідомлення
translations-error-empty = Введіть текст.
translations-error-too-long = Текст задовгий: щонайбільше { $max } символів.
translations-error-syntax = Синтаксис Fluent порушено біля рядка { $line }. Перевірте дужки, варіанти та їхні відступи.
translations-error-not-one = Введіть текст одного повідомлення, а не кількох.
translations-error-variables-unknown = В англійському тексті немає змінної { $names }: використовуйте лише англійські.
translations-error-variables-missing = Англійський текст використовує { $names }: залиште її в перекладі.
translations-error-plural = Бракує варіантів множини для { $forms }.
translations-error-summary = Текст не збережено:

## Імпорт: таблиці вакансій і компаній.
import-column-reference = Посилання
import-column-id = ID
import-error-empty = Файл порожній.
import-error-no-rows = У файлі є рядок заголовків, але під ним немає рядків.
import-error-format = Цей файл не є таблицею: використайте файл XLSX, ODS або CSV.
import-error-old-excel = Це книга Excel 97–2003 (.xls): збережіть її як .xlsx і використайте її.
import-error-too-large = Файл більший за { $megabytes } МБ: розділіть його на менші файли.
import-error-too-many-rows = У файлі понад { $max } рядків: розділіть його на менші файли.
import-error-encoding = Файл не є коректним текстом у кодуванні { $encoding }: виберіть кодування, у якому його збережено.
import-error-merged = У таблиці є об’єднані клітинки ({ $cells }): роз’єднайте їх, щоб кожна клітинка містила одне значення.
import-error-duplicate-header = Дві колонки мають заголовок «{ $header }»: дайте кожній колонці власний заголовок.
import-error-damaged = Файл пошкоджено, його не вдається прочитати: збережіть його знову у своїй програмі для таблиць.
import-error-io = Не вдалося прочитати файл.
import-error-formula = Клітинка { $cell } містить формулу (={ $formula }): імпорт бере лише значення, тож вставте значення замість неї.
import-error-repeated-reference = Посилання «{ $reference }» є також у рядку { $row }: кожен рядок потребує власного.
import-error-no-record = Немає запису з ID { $id }, який ви можете змінювати.
import-reason-column = { $column }: { $reason }
import-reason-field = { $field }: { $reason }
import-cli-failure = Рядок { $row }: { $reason }
import-count-rows = { $count ->
    [one] { $count } рядок
    [few] { $count } рядки
    [many] { $count } рядків
   *[other] { $count } рядка
}
import-count-created = створено: { $count }
import-count-updated = оновлено: { $count }
import-count-unchanged = без змін: { $count }
import-count-failed = з помилками: { $count }
import-state-dry-run = Пробний запуск: нічого не записано.
import-state-done = Імпортовано.
import-state-rolled-back = Нічого не імпортовано: дошка без змін.
import-button = Імпорт
import-title = Імпорт: { $resource }
import-intro = Завантажте таблицю (XLSX, ODS або CSV, до 100 МБ): її перший рядок називає колонки. Ви обираєте, що заповнює кожна колонка, пробний запуск перевіряє кожен рядок, потім імпорт виконується у фоні.
import-file = Таблиця
import-encoding = Кодування файлу CSV
import-encoding-guess = Розпізнати автоматично
import-encoding-hint = Лише для файлів CSV, у яких літери відображаються неправильно: кодування, у якому їх збережено.
import-upload = Завантажити й зіставити колонки
import-error-no-file = Виберіть таблицю для завантаження.
import-error-stopped = Запуск зупинився, не завершившись: запустіть його знову.
import-to-records = Назад до списку
import-checking = Перевіряємо кожен рядок…
import-running = Імпортуємо…
import-one-transaction = Усе або нічого: рядки записуються разом наприкінці, тож до того лічильник показує нуль.
import-checked = Пробний запуск завершено: нічого не записано
import-done = Імпорт завершено
import-failed-rows = Рядки з помилками
import-row = Рядок
import-reasons = Причина
import-download-failures = Завантажити рядки з помилками (XLSX, з причинами поруч)
import-mode = Якщо деякі рядки не пройдуть
import-mode-skip = Імпортувати рядки, що пройшли, і показати інші
import-mode-all = Нічого не імпортувати, якщо не пройде кожен рядок
import-start = Почати імпорт
import-mapping = Колонки
import-mapping-hint = Кожна колонка заповнює поле, вибране поруч; колонки з «Пропустити» не імпортуються. Колонка посилань дає змогу пізнішому імпорту того самого файлу оновити ці записи замість додавання нових.
import-column = Колонка у файлі
import-fills = Заповнює
import-column-ignore = Пропустити
import-check = Перевірити кожен рядок (пробний запуск)
import-progress = { $done } з { $total } рядків
import-seconds-left = { $count ->
    [one] лишилося близько { $count } секунди
    [few] лишилося близько { $count } секунд
    [many] лишилося близько { $count } секунд
   *[other] лишилося близько { $count } секунди
}
import-more-failures = { $count ->
    [one] …і ще { $count } рядок: завантажте всі нижче.
    [few] …і ще { $count } рядки: завантажте всі нижче.
    [many] …і ще { $count } рядків: завантажте всі нижче.
   *[other] …і ще { $count } рядка: завантажте всі нижче.
}
import-failures-file = помилки
import-failures-row = Рядок
import-failures-reasons = Причина помилки
import-status-mapping = Зіставлення колонок
import-status-checking = Пробний запуск триває
import-status-checked = Перевірено
import-status-running = Імпорт триває
import-status-done = Готово
import-status-failed = Не вдалося
import-templates = Шаблони
import-templates-hint = Порожня книга із заголовками, які розуміє імпорт, кожною мовою: заповніть і завантажте.
import-create-companies = Створити компанії, які називає файл і яких ще немає (за назвою)
import-count-companies = { $count ->
    [one] створено компаній: { $count }
    [few] створено компаній: { $count }
    [many] створено компаній: { $count }
   *[other] створено компаній: { $count }
}
import-upload-again = Завантажити файл ще раз

## Фіди партнерів
admin-nav-feed-sources = Джерела фідів
admin-panel-feed-source = Джерело фіду
admin-panel-feed-runs = Останні запуски
admin-field-feed-format = Формат
admin-field-schedule = Розклад
admin-field-next-run = Наступний запуск
admin-field-feed-publish = Нові вакансії
admin-field-feed-runs = Запуски
admin-hint-feed-url = Адреса фіду, який публікує ваша система підбору персоналу, наприклад https://boards-api.greenhouse.io/v1/boards/yourcompany/jobs?content=true
admin-hint-feed-language = Мова, якою написані вакансії фіду.
admin-action-feed-fetch = Отримати зараз
admin-feed-fetch-queued = Фід буде отримано за мить; запуск з'явиться нижче.
feed-format-greenhouse = Дошка вакансій Greenhouse (JSON)
feed-format-indeed = Indeed XML
feed-publish-on = Публікуються одразу
feed-publish-off = Зберігаються як чернетки для перевірки
feed-every-hours = { $count ->
    [one] щогодини
    [few] кожні { $count } години
    [many] кожні { $count } годин
   *[other] кожні { $count } години
}
feed-run-ok = виконано
feed-run-failed = не вдалося, нічого не змінено
feed-count-postings = { $count ->
    [one] { $count } вакансія у фіді
    [few] { $count } вакансії у фіді
    [many] { $count } вакансій у фіді
   *[other] { $count } вакансії у фіді
}
feed-count-closed = закрито: { $count }
feed-error-syntax = Фід не вдалося прочитати у вибраному форматі.
feed-error-too-many = Фід містить понад { $max } вакансій.
feed-error-refused = Адресу фіду не можна отримати ({ $detail }).
feed-error-status = Сервер фіду відповів HTTP-статусом { $status }.
feed-error-too-large = Фід більший за { $megabytes } МБ.
feed-error-network = Сервер фіду недоступний ({ $detail }).
feed-error-empty = Фід не містить вакансій; вакансії, які він приніс раніше, залишено відкритими.
task-schedule-feeds = Отримує фіди партнерів, час яких настав.
task-schedule-indexing = Повідомляє Indexing API Google про опубліковані й закриті вакансії (якщо налаштовано).
admin-nav-imports = Імпорти
admin-field-file = Файл
admin-field-rows = Рядки
admin-field-created = Створено
admin-field-updated = Оновлено
admin-field-failed = З помилками
admin-imports-earlier = Попередні імпорти

## Moderation (src/admin/review.rs)
admin-nav-review = Перевірка
admin-nav-team = Команда
admin-team-title = Ваша команда
admin-team-intro = Усі, хто працює для ваших компаній у цій адмінпанелі.
admin-team-last-sign-in = Останній вхід
admin-team-invited-not-in = Запрошено, ще не входив(-ла)
admin-team-invite-title = Запросити колегу
admin-team-invite-hint = Колега отримає лист із посиланням для встановлення пароля (дійсне 72 години) і бачитиме лише вибрану компанію.
admin-team-invited = Запрошення для { $email } надіслано.
admin-team-email-taken = Для цієї адреси вже є обліковий запис. Попросіть команду дошки додати його до вашої компанії.
admin-team-rate-limited = За останню годину ви надіслали багато запрошень. Спробуйте пізніше.
admin-team-actions = Дії
admin-team-remove = Вилучити { $name }
admin-team-removed = { $email } більше не працює тут для ваших компаній.
admin-review-title = Вакансії на перевірку
admin-review-intro = Вакансії рекрутерів чекають тут на ваше схвалення, спершу ті, що чекають найдовше. Схвалення публікує вакансію; повернення пояснює рекрутерові причину листом.
admin-review-empty = Нічого не чекає на перевірку.
admin-review-sent-by = Надіслав
admin-review-sent-at = Надіслано
admin-review-of = Перевірка: { $title }
admin-review-posting = Відкрити вакансію
admin-review-company-awaiting = Компанія зареєструвалася й чекає на схвалення: схваліть її на її сторінці, перш ніж її вакансії зможуть вийти на сайт.
admin-review-first = Перша версія: усі поля нові
admin-review-changes = Зміни після останньої схваленої версії
admin-review-unchanged = Після останньої схваленої версії нічого не змінилося.
admin-review-before = Схвалено
admin-review-after = Зараз
admin-review-decide = Рішення
admin-review-approve = Схвалити й опублікувати
admin-review-reason = Чому вакансію повернуто
admin-review-reason-hint = Рекрутер отримає цей текст листом мовою своїх налаштувань; напишіть так, щоб він міг виправити вакансію.
admin-review-reject = Повернути рекрутерові
admin-review-not-pending = Ця вакансія вже не чекає на перевірку.
admin-review-approved = Схвалено: вакансія на сайті.
admin-review-rejected = Повернуто: рекрутер отримав причину.
admin-review-reason-needed = Вкажіть, чому вакансію повернуто.
admin-review-reason-too-long = Причина задовга: щонайбільше { $max } символів.
admin-action-submit = Надіслати на перевірку
admin-submitted = Надіслано на перевірку: команда дошки схвалить вакансію або підкаже, що змінити.
admin-submitted-published = Опубліковано: вакансії вашої компанії виходять без перевірки.
admin-submit-not-allowed = Вакансію зі статусом «{ $status }» не можна надіслати на перевірку.
admin-unchanged = Нічого не змінено.
admin-field-company-standing = Перевірка вакансій
admin-company-awaiting = Чекає на схвалення
admin-company-trusted-label = Довірена: вакансії виходять без перевірки
admin-company-reviewed-label = Кожна вакансія перевіряється
admin-action-approve-company = Схвалити компанію
admin-action-trust-company = Довіряти: публікувати без перевірки
admin-action-review-company = Знову перевіряти вакансії
admin-company-approved = Компанію схвалено.
admin-company-trusted = Компанія довірена: її вакансії виходять без перевірки.
admin-company-reviewed = Вакансії компанії знову перевіряються.
admin-field-awaiting-approval = Чекає на схвалення
admin-field-auto-publish = Публікує без перевірки

admin-stats-crumb = Показники
admin-stats-title = Показники: { $job }
admin-stats-intro = Що ця вакансія зробила на сайті за останні 30 днів. Перегляди й пошукові покази записуються кожні кілька секунд; сторінки з кешу браузера чи спільного кешу не враховуються. Відвідувачі не записуються, лише числа.
admin-stats-chart-title = Перегляди за день
admin-stats-table-title = За днями
admin-stats-summary = За останні 30 днів: { $views }, { $applications }.
admin-stats-views-count = { $count ->
    [one] { $count } перегляд
    [few] { $count } перегляди
    [many] { $count } переглядів
   *[other] { $count } перегляду
}
admin-stats-applications-count = { $count ->
    [one] { $count } заявка
    [few] { $count } заявки
    [many] { $count } заявок
   *[other] { $count } заявки
}
admin-stats-day-views = { $count ->
    [one] { $day }: { $count } перегляд
    [few] { $day }: { $count } перегляди
    [many] { $day }: { $count } переглядів
   *[other] { $day }: { $count } перегляду
}
admin-stats-day = День
admin-stats-views = Перегляди
admin-stats-search = У результатах пошуку
admin-stats-alerts = У листах сповіщень
admin-stats-apply-clicks = Надіслані форми заявок
admin-stats-applications = Заявки
admin-stats-total = Разом
admin-stats-export = Експортувати як CSV

## Реєстр запитів на доступ і видалення даних (/admin/data_requests)
admin-panel-data-request = Запит
admin-field-data-request-kind = Запит
admin-field-data-request-origin = Хто ініціював
admin-field-data-subject = Особа (позначка)
admin-field-data-request-applications = Заявки
admin-field-data-request-expires = Посилання діє до
admin-field-data-request-downloaded = Уперше завантажено
admin-data-request-kind-access = Копія даних
admin-data-request-kind-erasure = Видалення
admin-data-request-origin-applicant = Кандидат
admin-data-request-origin-retention = Строк зберігання
admin-data-request-mailed = Посилання надіслано
admin-data-request-downloaded = Завантажено
admin-data-request-expired = Посилання сплило невикористаним
admin-data-request-erased = Видалено

## Видалення даних кандидата на його прохання (/admin/applications/{id}/erase)
admin-erase-title = Видалити дані цього кандидата
admin-erase-question = { $count ->
    [one] Видалити все, що зберігається про { $person }: { $count } заявку, її резюме та нотатки до неї? Реєстр видалень зберігає лише факт, а не особу. Цю дію не можна скасувати.
    [few] Видалити все, що зберігається про { $person }: { $count } заявки, їхні резюме та нотатки до них? Реєстр видалень зберігає лише факт, а не особу. Цю дію не можна скасувати.
    [many] Видалити все, що зберігається про { $person }: { $count } заявок, їхні резюме та нотатки до них? Реєстр видалень зберігає лише факт, а не особу. Цю дію не можна скасувати.
   *[other] Видалити все, що зберігається про { $person }: { $count } заявки, їхні резюме та нотатки до них? Реєстр видалень зберігає лише факт, а не особу. Цю дію не можна скасувати.
}
admin-erase-button = Видалити все
admin-erase-done = { $count ->
    [one] Видалено { $count } заявку з резюме та нотатками.
    [few] Видалено { $count } заявки з резюме та нотатками.
    [many] Видалено { $count } заявок з резюме та нотатками.
   *[other] Видалено { $count } заявки з резюме та нотатками.
}
admin-data-request-origin-staff = Команда сайту
