## Site-wide: names, navigation, formats.

site-name = Hireboard
site-description = Знайдіть свою наступну роботу: тисячі вакансій від компаній з усієї Європи та світу — англійською, німецькою та українською мовами.
footer-text = Hireboard — багатомовний сайт пошуку роботи.
feed-subscribe = Підписатися на нові вакансії:
feed-format-atom = стрічка Atom
feed-format-rss = стрічка RSS
feed-title-atom = Нові вакансії на Hireboard (Atom)
feed-title-rss = Нові вакансії на Hireboard (RSS)
feed-title = Нові вакансії на Hireboard
feed-title-search = Вакансії на Hireboard за запитом { $query }

nav-skip = Перейти до основного вмісту
nav-label = Основна навігація
nav-language = Мова
nav-jobs = Вакансії
breadcrumbs = Навігаційний ланцюжок

home-title = Вакансії англійською, німецькою та українською мовами
home-heading = Знайдіть роботу, яка вам до душі
home-stats = { $jobs } від { $companies }
home-stats-jobs = { $count ->
    [one] { $count } відкрита вакансія
    [few] { $count } відкриті вакансії
    [many] { $count } відкритих вакансій
   *[other] { $count } відкритої вакансії
}
home-stats-companies = { $count ->
    [one] { $count } компанії
    [few] { $count } компаній
    [many] { $count } компаній
   *[other] { $count } компанії
}
home-latest = Нові вакансії
home-all-jobs = Переглянути всі вакансії
home-top-skills = Популярні навички
home-top-cities = Популярні міста

form-optional = (необов’язково)
content-original-language = Цей вміст ще не доступний вашою мовою, тому його показано мовою оригіналу ({ $language }).
content-original-language-short = мовою оригіналу
# A language named in this one (CLDR spelling: German nouns capitalised, Ukrainian not).
language-en = англійська
language-de = німецька
language-uk = українська

## Dates: month names in the form a date uses.
date-long = { $day } { $month } { $year } р.
date-short = { $day }.{ $month }
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня

## Employers (src/web/employers.rs)
employer-sign-up-title = Розміщуйте вакансії: зареєструйте компанію
employer-sign-up-intro = Створіть обліковий запис для своєї компанії. Щойно ви підтвердите адресу, ви пишете вакансії в бек-офісі; команда дошки схвалює вашу компанію й кожну вакансію, перш ніж вона вийде на сайт.
employer-company = Компанія
employer-name = Ваше ім’я
employer-email = Робоча електронна адреса
employer-password = Пароль
employer-password-hint = Щонайменше { $min } символів; кілька не пов’язаних слів дають надійний пароль.
employer-review-note = Команда дошки перевіряє вашу компанію та вакансії, перш ніж щось буде опубліковано.
employer-submit = Створити обліковий запис
employer-error-company = Вкажіть назву компанії (щонайбільше 200 символів).
employer-error-name = Ім’я може мати щонайбільше 200 символів.
employer-error-rate-limited = Забагато реєстрацій з вашої мережі за останню годину. Спробуйте пізніше.
employer-check-inbox-title = Перевірте пошту
employer-check-inbox = Якщо { $email } може зареєструватися, посилання для підтвердження вже в дорозі. Відкрийте його, щоб завершити.
employer-confirm-title = Підтвердьте адресу
employer-confirm-question = Підтвердити { $email } як адресу вашого облікового запису?
employer-confirm-button = Підтвердити мою адресу
employer-confirmed-title = Адресу підтверджено
employer-confirmed = Вашу адресу підтверджено. Увійдіть, щоб написати першу вакансію; команда дошки схвалює вашу компанію та вакансії, перш ніж вони вийдуть на сайт.
employer-sign-in = Увійти
nav-employers = Роботодавцям

extend-title = Подовжити вакансію
extend-question = Залишити «{ $job }» відкритою до { $date }?
extend-button = Подовжити
extend-done = «{ $job }» відкрита до { $date }.
extend-moved = Це посилання вже використано: «{ $job }» відкрита до { $date }.
extend-expired = Термін дії посилання минув: «{ $job }» закрита. Увійдіть до адмінпанелі, щоб опублікувати її знову.
extend-at-limit = «{ $job }» не може бути відкритою довше: вона досягла найдовшого терміну публікації на цій дошці.
