## Search, postings, companies and the apply form.

search-title = Вакансії
search-title-query = Вакансії за запитом «{ $query }»
search-label = Що ви шукаєте?
search-placeholder = Посада, навичка або компанія
search-button = Шукати
search-more-filters = Більше фільтрів
search-total = { $count ->
    [0] Вакансій не знайдено
    [one] { $count } вакансія
    [few] { $count } вакансії
    [many] { $count } вакансій
   *[other] { $count } вакансії
}
search-notice-invalid = Фільтр { $name } = «{ $value }» не розпізнано, тому його проігноровано.
search-empty-title = За вашим запитом вакансій не знайдено
search-empty-text = Спробуйте інші слова або менше фільтрів.
search-empty-suggest = Приберіть один із фільтрів, щоб побачити більше вакансій:
search-drop-filter = Без фільтра «{ $filter }»

filters-label = Фільтри
filters-button = { $count ->
    [0] Фільтри
   *[other] Фільтри ({ $count })
}
filters-active = Активні фільтри
filters-clear = Скинути всі фільтри
filter-remove = Прибрати фільтр: { $filter }
filter-workplace = Формат роботи
filter-type = Тип зайнятості
filter-seniority = Рівень досвіду
filter-country = Країна
filter-city = Місто
filter-skill = Навички
filter-salary-min = Мінімальна зарплата (EUR на рік)
filter-posted-within = Опубліковано
filter-any-time = За весь час
filter-chip-query = «{ $query }»
filter-chip-salary = Від { $amount } € на рік
filter-chip-posted-within = { $count ->
    [1] Опубліковано сьогодні
    [one] Опубліковано за останній { $count } день
    [few] Опубліковано за останні { $count } дні
    [many] Опубліковано за останні { $count } днів
   *[other] Опубліковано за останні { $count } дня
}
filter-chip-company = Компанія: { $company }
posted-within-days = { $count ->
    [1] За останні 24 години
    [one] За останній { $count } день
    [few] За останні { $count } дні
    [many] За останні { $count } днів
   *[other] За останні { $count } дня
}

sort-label = Сортування
sort-relevance = Релевантність
sort-newest = Найновіші
sort-salary = Зарплата

pagination-label = Сторінки
pagination-prev = Попередня
pagination-next = Наступна
pagination-status = Сторінка { $page } з { $pages }

workplace-onsite = В офісі
workplace-hybrid = Гібридно
workplace-remote = Віддалено
employment-full_time = Повна зайнятість
employment-part_time = Часткова зайнятість
employment-contract = Контракт
employment-internship = Стажування
employment-temporary = Тимчасова робота
seniority-junior = Молодший спеціаліст
seniority-mid = Спеціаліст середнього рівня
seniority-senior = Старший спеціаліст
seniority-lead = Провідний спеціаліст

salary-range = { $min } – { $max }
salary-from = від { $amount }
salary-up-to = до { $amount }
salary-with-period = { $amount } { $period }
salary-period-year = на рік
salary-period-month = на місяць
salary-period-hour = на годину

location-remote-anywhere = Віддалено, з будь-якої точки світу
location-remote-in = Віддалено з таких країн: { $countries }
posted-on = Опубліковано { $date }

job-facts = Коротко про вакансію
job-location = Місце роботи
job-salary = Зарплата
job-posted = Опубліковано
job-closes = Прийом заявок до
job-responsibilities = Що ви робитимете
job-requirements = Що ми очікуємо від вас
job-benefits = Що ми пропонуємо
job-skills = Навички
job-about-company = Про компанію
job-other-languages = Також доступно мовами:
job-closed-expired = Термін дії цієї вакансії минув, заявки більше не приймаються.
job-closed-filled = На цю посаду вже знайдено працівника.
job-closed-archived = Ця вакансія більше не актуальна.
job-preview-note = Попередній перегляд · статус: { $status }. Так вакансія виглядає на сайті; цю сторінку бачать лише працівники, що увійшли.
job-closed-published = Термін подання заявок на цю вакансію минув, заявки більше не приймаються.
job-closed-draft = Цю вакансію не опубліковано.
job-closed-pending_review = Ця вакансія на перевірці й поки не приймає заявок.

company-website = Сайт компанії
company-headquarters = Головний офіс
company-size = Розмір компанії
company-size-employees = { $size } працівників
company-open-positions = { $count ->
    [0] Зараз немає відкритих вакансій
    [one] { $count } відкрита вакансія
    [few] { $count } відкриті вакансії
    [many] { $count } відкритих вакансій
   *[other] { $count } відкритої вакансії
}
company-all-positions = Переглянути всі відкриті вакансії

apply-heading = Відгукнутися на вакансію
apply-now = Відгукнутися
apply-name = Ім’я та прізвище
apply-email = Електронна пошта
apply-phone = Телефон
apply-cover-letter = Супровідний лист
apply-consent = Я погоджуюся, щоб { $company } і Hireboard зберігали мою заявку для розгляду моєї кандидатури на цю вакансію.
apply-submit = Надіслати заявку
apply-errors-heading = Будь ласка, виправте таке:
apply-error-name-required = Будь ласка, вкажіть своє ім’я.
apply-error-name-too-long = Ім’я задовге (щонайбільше 200 символів).
apply-error-email-required = Будь ласка, вкажіть свою адресу електронної пошти.
apply-error-email-invalid = Будь ласка, вкажіть дійсну адресу електронної пошти, наприклад name@example.com.
apply-error-phone-invalid = Будь ласка, вкажіть дійсний номер телефону або залиште поле порожнім.
apply-error-cover-letter-required = Будь ласка, напишіть кілька слів про те, чому ви подаєте заявку на цю вакансію.
apply-error-cover-letter-too-long = Супровідний лист задовгий (щонайбільше 10 000 символів).
apply-error-consent-required = Будь ласка, надайте згоду, щоб ми могли передати вашу заявку.
apply-error-duplicate = Ви вже подали заявку на цю вакансію з цією адресою електронної пошти.
apply-error-expired-form = Термін дії форми минув. Перевірте свої дані та надішліть її ще раз.
apply-honeypot-label = Залиште це поле порожнім
apply-error-too-fast = Це швидше, ніж будь-хто може заповнити цю форму, тому її не надіслано. Перевірте свої дані та надішліть її ще раз за кілька секунд.
apply-error-not-sent = Не вдалося надіслати вашу заявку. Перевірте свої дані та надішліть її ще раз.
apply-error-rate-limited = Від вас надійшло кілька заявок за короткий час, тому цю не надіслано. Ваші дані збережено нижче: надішліть її ще раз за годину.

applied-title = Дякуємо за вашу заявку!
applied-text = Вашу заявку на вакансію «{ $job }» надіслано компанії { $company }. З вами зв’яжуться електронною поштою.
applied-back = Повернутися до вакансії
applied-receipt = Ми надіслали вам підтвердження електронною поштою. Його посилання дозволяють будь-коли відкликати заявку або видалити ваші дані, без облікового запису.
applied-alert-title = Отримуйте схожі вакансії поштою
applied-alert-text = Нові вакансії за запитом { $search }, щойно вони з'являться.
applied-alert-button = Створити сповіщення
applied-similar = Переглянути схожі вакансії

## Сповіщення про вакансії
alert-cta = Надсилати нові вакансії за цим пошуком на пошту
alert-new-title = Нові вакансії на пошту
alert-new-intro = Ми надсилатимемо вам вакансії за цим пошуком, щойно їх опублікують. Кожен лист містить посилання, щоб будь-коли відписатися.
alert-search-label = Пошук:
alert-all-jobs = Усі вакансії
alert-email = Ваша електронна адреса
alert-frequency = Як часто
alert-frequency-instant = Одразу після публікації
alert-frequency-daily = Раз на день
alert-frequency-weekly = Раз на тиждень
alert-privacy = Ми використовуємо вашу адресу лише для цих листів.
alert-submit = Створити сповіщення
alert-error-frequency = Виберіть, як часто надсилати листи.
alert-error-rate-limited = З вашого з’єднання запитано забагато сповіщень. Спробуйте знову за годину.
alert-check-inbox-title = Перевірте пошту
alert-check-inbox = Ми надіслали посилання на { $email }. Відкрийте його, щоб увімкнути сповіщення; доти ми нічого більше не надсилатимемо.
alert-confirm-title = Підтвердьте сповіщення
alert-confirm-question = Надсилати вам нові вакансії за цим пошуком ({ $frequency })?
alert-confirm-button = Увімкнути сповіщення
alert-confirm-done = Сповіщення увімкнено. Ви отримуватимете нові вакансії за цим пошуком: { $frequency }.
alert-unsubscribe-title = Вимкнути сповіщення
alert-unsubscribe-question = Більше не надсилати листи за цим пошуком?
alert-unsubscribe-button = Відписатися
alert-unsubscribe-done = Ви більше не отримуватимете листів за цим пошуком.
alert-gone = Цього сповіщення більше не існує.

## Резюме у формі відгуку
apply-cv = Ваше резюме
apply-cv-hint = PDF, Word (DOCX) або OpenDocument (ODT), до 10 МБ.

filter-near = Де?
filter-near-placeholder = Місто
filter-radius = Відстань
filter-radius-km = У радіусі { $km } км
filter-remote-include = Додати віддалені вакансії
filter-chip-near = У радіусі { $km } км від { $place }
filter-chip-near-remote = У радіусі { $km } км від { $place } або віддалено
filter-chip-bbox = У межах карти
search-notice-unknown-place = Місце «{ $place }» нам невідоме, тому пошук не обмежено місцевістю.
search-empty-wider = Шукати ширше:
sort-distance = Відстань
distance-km = За { $km } км
distance-under-1-km = Ближче ніж за 1 км
coordinates = { $lat }, { $lon }
latitude-north = { $degrees }° пн. ш.
latitude-south = { $degrees }° пд. ш.
longitude-east = { $degrees }° сх. д.
longitude-west = { $degrees }° зх. д.
cover-letter-optional = Необов'язковий
cover-letter-required = Обов'язковий
map-show = Показати карту
map-hide = Сховати карту
map-label = Вакансії на карті
map-search-as-i-move = Шукати під час переміщення карти
map-zoom-in = Наблизити ці вакансії
map-unavailable = Не вдалося завантажити карту. Список показує всі вакансії.
map-unplaced = { $count ->
    [one] { $count } вакансія не має місця на карті (віддалено).
    [few] { $count } вакансії не мають місця на карті (віддалено).
    [many] { $count } вакансій не мають місця на карті (віддалено).
   *[other] { $count } вакансії не мають місця на карті (віддалено).
}
