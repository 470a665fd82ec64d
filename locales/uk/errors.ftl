## Error pages.

error-not-found-title = Сторінку не знайдено
error-not-found = Сторінка, яку ви шукаєте, не існує або її видалено.
error-forbidden-title = Доступ заборонено
error-forbidden = У вас немає дозволу на цю дію.
error-login-required-title = Потрібен вхід
error-login-required = Увійдіть, щоб продовжити.
error-bad-request-title = Некоректний запит
error-bad-request = Не вдалося обробити запит.
error-unavailable-title = Тимчасово недоступно
error-unavailable = Сервіс зараз перевантажений. Будь ласка, спробуйте ще раз за хвилину.
error-internal-title = Щось пішло не так
error-internal = На нашому боці сталася неочікувана помилка. Будь ласка, спробуйте пізніше.
error-search-jobs = Шукати вакансії
error-home = Головна сторінка
