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
