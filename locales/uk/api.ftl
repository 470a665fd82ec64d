## Помилки партнерського API (problem details): назва для кожного виду помилки і що сталося.

api-problem-not-found-title = Не знайдено
api-problem-not-found = За цією адресою нічого немає, або це не публічне.
api-problem-forbidden-title = Заборонено
api-problem-forbidden = Цей запит не дозволено.
api-problem-bad-request-title = Некоректний запит
api-problem-bad-request = Не вдалося зрозуміти запит.
api-problem-invalid-title = Некоректні параметри
api-problem-invalid = Деякі параметри чи поля відхилено; кожне наведено з причиною.
api-problem-too-large-title = Завелико
api-problem-too-large = Тіло запиту більше, ніж приймає ця адреса.
api-problem-method-not-allowed-title = Метод не дозволено
api-problem-method-not-allowed = Ця адреса не приймає цей метод; заголовок Allow перелічує ті, що приймає.
api-problem-unavailable-title = Тимчасово недоступно
api-problem-unavailable = Сервіс перевантажений. Спробуйте ще раз через час, вказаний у заголовку Retry-After.
api-problem-internal-title = Внутрішня помилка
api-problem-internal = На сервері сталася неочікувана помилка. Спробуйте пізніше.

## Чому параметр або поле відхилено.
api-invalid-value = «{ $value }» — не те значення, яке приймає цей параметр.
api-invalid-unknown = Цей параметр тут невідомий.
api-invalid-limit = «{ $value }» — не число від 1 до 100.
api-invalid-cursor = Цей курсор створено не цим списком із цими параметрами: почніть знову без нього.
api-invalid-place = Міста з такою назвою серед вакансій тут немає: натомість вкажіть координати як lat,lon.

## Tokens: refusals of a protected request.
api-problem-unauthorized-title = Потрібен токен
api-problem-unauthorized = Цей запит потребує API-токена в заголовку «Authorization: Bearer hb_…».
api-problem-invalid-token-title = Недійсний токен
api-problem-invalid-token = Цей токен тут невідомий або його відкликано.
api-problem-token-expired-title = Термін дії токена минув
api-problem-token-expired = Термін дії цього токена минув. Попросіть новий у бек-офісі.
api-problem-token-in-query-title = Токен в адресі
api-problem-token-in-query = Токени приймаються лише в заголовку Authorization. Токен, надісланий в адресі, міг потрапити в журнали: відкличте його та створіть новий.
api-problem-insufficient-scope-title = Бракує дозволу
api-problem-insufficient-scope = Цьому токену бракує дозволу «{ $scope }», потрібного для цього запиту.
api-problem-rate-limited-title = Забагато запитів
api-problem-rate-limited = Цей токен зробив більше запитів, ніж дозволяє його ліміт. Спробуйте знову після часу в заголовку Retry-After.

## What each scope of a token allows.
api-scope-jobs-read = читати всі вакансії своєї компанії, зокрема чернетки
api-scope-jobs-write = створювати, змінювати, публікувати й архівувати вакансії
api-scope-applications-read = читати заявки й завантажувати резюме
api-scope-applications-write = переміщувати заявки етапами, подавати заявки від імені кандидатів
api-scope-webhooks-write = керувати вебхук-адресами

## Writes: refusals of a request's body.
api-problem-unsupported-media-type-title = Непідтримуваний тип даних
api-problem-unsupported-media-type = Надсилайте тіло в типі, який приймає ця адреса: JSON («Content-Type: application/json») або форму, коли надсилаєте файл.
api-problem-not-acceptable-title = Неприйнятно
api-problem-not-acceptable = Цей API відповідає лише у JSON; заголовок Accept просить іншого.
api-problem-status-conflict-title = Конфлікт статусу
api-problem-status-conflict = Статус вакансії не дозволяє цієї зміни (наприклад, чернетку не можна архівувати).
api-invalid-unknown-field = Це поле тут невідоме.
api-invalid-type = Значення не того типу, що потрібен цьому полю ({ $value }).
api-invalid-json = Тіло не є коректним JSON (рядок:стовпець { $value }).
api-invalid-company = Цей токен публікує лише для своєї компанії.
api-problem-stage-conflict-title = Конфлікт етапу
api-problem-stage-conflict = Процес не дозволяє такого переходу з етапу заявки.
api-invalid-reason = Відмова потребує причини.
api-invalid-reason-length = Щонайбільше { $max } символів.

## Applying on a candidate's behalf, and idempotency keys.
api-problem-job-closed-title = Вакансію закрито
api-problem-job-closed = Ця вакансія не приймає заявок: її не опубліковано, або строк подання минув.
api-problem-application-duplicate-title = Заявку вже подано
api-problem-application-duplicate = З цієї електронної адреси вже подано заявку на цю вакансію.
api-problem-idempotency-in-flight-title = Запит обробляється
api-problem-idempotency-in-flight = Запит із цим Idempotency-Key ще обробляється. Надішліть його знову за мить, щоб отримати відповідь.
api-invalid-not-a-file = Надсилайте це поле як файлову частину тіла multipart/form-data.
api-invalid-idempotency-key = Ключ — це від 1 до 255 видимих символів ASCII, наприклад UUID.
api-invalid-idempotency-reused = Цей ключ за останні 24 години вже використано для іншого запиту: беріть новий ключ для кожного запиту.

## The API reference page (/api/docs).
api-docs-title = Довідник API
api-docs-intro = Партнерський API Hireboard: опубліковані вакансії для всіх, а з токеном — запис вакансій і читання заявок. JSON на вході й виході; помилки — документи проблем мовою Accept-Language.
api-docs-document = Машиночитний документ OpenAPI 3.1:
api-docs-endpoints = Кінцеві точки
api-docs-tokens = Токени й ліміти
api-docs-tokens-text = Надсилайте токен, створений у бек-офісі, у заголовку «Authorization: Bearer hb_…», ніколи не в адресі. Кожен токен має дозволи й може бути прив’язаний до однієї компанії: тоді він бачить і змінює лише її записи.
api-docs-limits = Кожен токен може зробити обмежену кількість запитів на хвилину; заголовки RateLimit-Policy і RateLimit кажуть, скільки лишилося, а 429 у Retry-After каже, коли повторити. Відповіді мають ETag: надішліть його в If-None-Match, щоб отримати 304, якщо нічого не змінилося.
api-docs-needs = Потрібен токен із дозволом
api-docs-public = Публічно: токен не потрібен.
api-docs-parameters = Параметри
api-docs-name = Назва
api-docs-type = Тип
api-docs-in = Де
api-docs-description = Опис
api-docs-required = обов’язковий
api-docs-body = Тіло (JSON):
api-docs-responses = Відповіді
api-docs-status = Статус
api-docs-problems = Проблеми
api-docs-problems-text = Кожна помилка — документ проблеми за RFC 9457 (application/problem+json), чий type — адреса його запису тут; 422 перелічує кожне відхилене поле з причиною.
